/**
 * A small RFC 4180 CSV reader: quoted fields with doubled quotes and line breaks, CRLF or LF, a UTF-8
 * byte-order mark, and `,` or `;` as the separator (spreadsheets in Kazakh and Russian locales save
 * with `;`), chosen by which appears more often outside quotes in the first line.
 */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** A record of a CSV file: its fields and the file line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV text into records, each with the line it starts on (a quoted field may span lines).
 * @example parseCsv('a,b\n"x, y",2') // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', '2'] }]
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let record: CsvRecord = { line: 1, fields: [] };
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      record.fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') {
        i++;
        line++;
      }
      record.fields.push(field);
      records.push(record);
      record = { line, fields: [] };
      field = '';
    } else field += char;
  }
  if (field !== '' || record.fields.length > 0) {
    record.fields.push(field);
    records.push(record);
  }
  return records;
}
