import type { CompetencyProgress, CompetencyType, EvidenceKind, Locale } from '@kadr/contracts';

/** The words of the passport PDF and the narratives of the JSON export, in each language. */
export interface PassportLabels {
  title: string;
  student: string;
  programme: string;
  version: string;
  admission: string;
  gpa: string;
  generated: string;
  summary: (reached: number, promised: number, evidence: number) => string;
  competency: string;
  type: string;
  target: string;
  level: string;
  evidence: string;
  noEvidence: string;
  planned: string;
  progress: Record<CompetencyProgress, string>;
  kinds: Record<EvidenceKind, string>;
  types: Record<CompetencyType, string>;
  points: string;
  attempt: string;
  hours: string;
  notCounted: string;
  criteria: (level: number) => string;
}

export const passportLabels: Record<Locale, PassportLabels> = {
  kk: {
    title: 'Құзыреттер паспорты',
    student: 'Білім алушы',
    programme: 'Білім беру бағдарламасы',
    version: 'нұсқа',
    admission: 'Қабылданған жылы',
    gpa: 'GPA',
    generated: 'Құрылған күні',
    summary: (reached, promised, evidence) =>
      `Уәде етілген ${promised} құзыреттің ${reached}-і меңгерілді; есепке алынған дәлелдер: ${evidence}.`,
    competency: 'Құзырет',
    type: 'Түрі',
    target: 'Мақсатты деңгей',
    level: 'Жеткен деңгей',
    evidence: 'Дәлелдер',
    noEvidence: 'Әзірге дәлел жоқ.',
    planned: 'Алда',
    progress: { reached: 'меңгерілді', 'in-progress': 'меңгерілуде', 'not-started': 'басталмаған' },
    kinds: {
      'discipline-result': 'Пән нәтижесі',
      'lab-session': 'Зертханалық сабақ',
      'practice-assessment': 'Практика бағасы',
      'mentor-sign-off': 'Тәлімгердің растауы',
    },
    types: { knowledge: 'білім', skill: 'білік', competence: 'құзырет' },
    points: 'балл',
    attempt: 'әрекет',
    hours: 'сағ',
    notCounted: 'есептелмейді',
    criteria: (level) => `Kadr шкаласы бойынша ${level}-деңгей (1-5)`,
  },
  ru: {
    title: 'Паспорт компетенций',
    student: 'Обучающийся',
    programme: 'Образовательная программа',
    version: 'версия',
    admission: 'Год поступления',
    gpa: 'GPA',
    generated: 'Сформирован',
    summary: (reached, promised, evidence) =>
      `Достигнуто ${reached} из ${promised} обещанных компетенций; засчитанных свидетельств: ${evidence}.`,
    competency: 'Компетенция',
    type: 'Тип',
    target: 'Целевой уровень',
    level: 'Достигнутый уровень',
    evidence: 'Свидетельства',
    noEvidence: 'Свидетельств пока нет.',
    planned: 'Впереди',
    progress: { reached: 'достигнута', 'in-progress': 'в процессе', 'not-started': 'не начата' },
    kinds: {
      'discipline-result': 'Результат по дисциплине',
      'lab-session': 'Лабораторное занятие',
      'practice-assessment': 'Оценка практики',
      'mentor-sign-off': 'Подтверждение наставника',
    },
    types: { knowledge: 'знание', skill: 'умение', competence: 'компетенция' },
    points: 'баллов',
    attempt: 'попытка',
    hours: 'ч',
    notCounted: 'не засчитано',
    criteria: (level) => `Уровень ${level} по шкале Kadr (1-5)`,
  },
  en: {
    title: 'Competency passport',
    student: 'Student',
    programme: 'Programme',
    version: 'version',
    admission: 'Admitted',
    gpa: 'GPA',
    generated: 'Generated',
    summary: (reached, promised, evidence) =>
      `${reached} of ${promised} promised competencies reached; ${evidence} pieces of evidence count.`,
    competency: 'Competency',
    type: 'Type',
    target: 'Target level',
    level: 'Level reached',
    evidence: 'Evidence',
    noEvidence: 'No evidence yet.',
    planned: 'Still to come',
    progress: { reached: 'reached', 'in-progress': 'in progress', 'not-started': 'not started' },
    kinds: {
      'discipline-result': 'Discipline result',
      'lab-session': 'Lab session',
      'practice-assessment': 'Practice assessment',
      'mentor-sign-off': 'Mentor sign-off',
    },
    types: { knowledge: 'knowledge', skill: 'skill', competence: 'competence' },
    points: 'points',
    attempt: 'attempt',
    hours: 'h',
    notCounted: 'does not count',
    criteria: (level) => `Level ${level} on Kadr's scale 1-5`,
  },
};

/** A name in the reader's language, falling back to Russian, then English, then Kazakh. */
export function nameIn(name: { kk: string; ru: string; en: string }, lang: Locale): string {
  return name[lang] || name.ru || name.en || name.kk;
}
