import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

let fontsReady = false;

/**
 * pdfmake 0.3 is a process-wide singleton: adds the bundled Roboto (Cyrillic and Kazakh letters) once, refuses
 * remote URLs and reads only its own font files, then returns it.
 */
export function pdfmakeWithFonts(): typeof pdfmake {
  if (!fontsReady) {
    const require = createRequire(import.meta.url);
    pdfmake.addFonts(require('pdfmake/fonts/Roboto.js'));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path: string) => path.includes('/pdfmake/fonts/'));
    fontsReady = true;
  }
  return pdfmake;
}
