/**
 * The demo material base: a dozen labs in the four priority areas and their equipment (inventory
 * numbers are assigned in order, KDTU-EQ-0001 …). Costs come from the investments (demo-investments-data.ts).
 */

/** A lab with its equipment: [name, price weight]. */
export interface DemoLab {
  code: string;
  name: { kk: string; ru: string; en: string };
  priorityArea: 'petrochemistry' | 'metallurgy' | 'energy' | 'it';
  building: string;
  room: string;
  capacity: number;
  /** Probability that a timetable slot of a weekday is booked for a class. */
  load: number;
  disciplines: string[];
  items: [string, number][];
}

const n = (ru: string, kk: string, en: string) => ({ kk, ru, en });

export const demoLabs: DemoLab[] = [
  {
    code: 'PCH-101',
    name: n('Лаборатория нефтепереработки', 'Мұнай өңдеу зертханасы', 'Petroleum process laboratory'),
    priorityArea: 'petrochemistry',
    building: 'Корпус А',
    room: '101',
    capacity: 20,
    load: 0.16,
    disciplines: ['Технология переработки нефти', 'Процессы и аппараты химической технологии'],
    items: [
      ['Pilot distillation column Armfield UOP3CC', 5],
      ['Gas chromatograph Agilent 7890B', 3],
      ['Catalytic cracking micro-reactor', 4],
      ['FTIR spectrometer Bruker Alpha II', 2],
      ['Viscometer Anton Paar SVM 3001', 1],
      ['Process control trainer Festo MPS PA', 2],
    ],
  },
  {
    code: 'PCH-105',
    name: n(
      'Лаборатория катализа и анализа нефти',
      'Катализ және мұнай талдау зертханасы',
      'Catalysis and oil analysis laboratory',
    ),
    priorityArea: 'petrochemistry',
    building: 'Корпус А',
    room: '105',
    capacity: 16,
    load: 0.1,
    disciplines: ['Каталитические процессы', 'Аналитическая химия нефти'],
    items: [
      ['HPLC Shimadzu Nexera', 3],
      ['Elemental analyser Elementar vario EL cube', 2],
      ['Flash point tester Petrotest PM4', 1],
      ['Sulfur analyser Horiba SLFA-60', 1],
      ['Laboratory fume hood Waldner', 1],
    ],
  },
  {
    code: 'PCH-110',
    name: n(
      'Лаборатория полимеров и нефтехимического синтеза',
      'Полимерлер және мұнай-химия синтезі зертханасы',
      'Polymers and petrochemical synthesis laboratory',
    ),
    priorityArea: 'petrochemistry',
    building: 'Корпус А',
    room: '110',
    capacity: 18,
    load: 0.08,
    disciplines: ['Химия и технология полимеров'],
    items: [
      ['Rheometer Anton Paar MCR 302', 3],
      ['Extruder Thermo HAAKE MiniLab', 2],
      ['DSC Netzsch 214 Polyma', 2],
      ['Tensile tester Instron 3345', 2],
      ['Rotary evaporator Büchi R-300', 1],
    ],
  },
  {
    code: 'MET-201',
    name: n('Лаборатория металлургии', 'Металлургия зертханасы', 'Metallurgy laboratory'),
    priorityArea: 'metallurgy',
    building: 'Корпус Б',
    room: '201',
    capacity: 20,
    load: 0.18,
    disciplines: ['Металлургия чёрных металлов', 'Теория металлургических процессов'],
    items: [
      ['Induction furnace VIP 50 kg', 5],
      ['Optical emission spectrometer Spectromaxx', 4],
      ['Metallographic microscope Zeiss Axio Imager', 2],
      ['Sample preparation line Struers', 2],
      ['Hardness tester Emco-Test DuraScan', 1],
      ['Thermal analyser Netzsch STA 449', 2],
    ],
  },
  {
    code: 'MET-204',
    name: n(
      'Лаборатория испытания материалов',
      'Материалдарды сынау зертханасы',
      'Materials testing laboratory',
    ),
    priorityArea: 'metallurgy',
    building: 'Корпус Б',
    room: '204',
    capacity: 16,
    load: 0.14,
    disciplines: ['Материаловедение', 'Неразрушающий контроль'],
    items: [
      ['Universal testing machine ZwickRoell Z250', 4],
      ['Charpy impact tester 450 J', 1],
      ['Scanning electron microscope Tescan Vega', 6],
      ['X-ray diffractometer Rigaku MiniFlex', 4],
      ['Ultrasonic flaw detector Olympus EPOCH 650', 1],
      ['Fatigue testing system MTS Landmark', 4],
    ],
  },
  {
    code: 'MET-210',
    name: n('Машиностроительная мастерская', 'Машина жасау шеберханасы', 'Machine building workshop'),
    priorityArea: 'metallurgy',
    building: 'Корпус В',
    room: '010',
    capacity: 14,
    load: 0.12,
    disciplines: ['Технология машиностроения', 'Обработка металлов на станках с ЧПУ'],
    items: [
      ['CNC lathe DMG Mori CLX 350', 4],
      ['CNC machining centre Haas VF-2', 4],
      ['Coordinate measuring machine Zeiss Contura', 3],
      ['Welding simulator Soldamatic', 1],
      ['Metal 3D printer Trumpf TruPrint 1000', 4],
      ['Laser cutter Trumpf TruLaser 1030', 3],
    ],
  },
  {
    code: 'ENG-301',
    name: n(
      'Лаборатория электроэнергетических систем',
      'Электр энергетикалық жүйелер зертханасы',
      'Power systems laboratory',
    ),
    priorityArea: 'energy',
    building: 'Корпус Г',
    room: '301',
    capacity: 20,
    load: 0.15,
    disciplines: ['Электроэнергетические системы и сети', 'Релейная защита'],
    items: [
      ['Power system simulator Lucas-Nülle', 4],
      ['Relay test set Omicron CMC 356', 2],
      ['Electric drives training bench', 2],
      ['Power quality analyser Fluke 435-II', 1],
      ['Smart grid trainer', 3],
      ['Transformer test bench', 2],
    ],
  },
  {
    code: 'ENG-305',
    name: n(
      'Лаборатория горной электромеханики',
      'Тау-кен электромеханикасы зертханасы',
      'Mining electromechanics laboratory',
    ),
    priorityArea: 'energy',
    building: 'Корпус Г',
    room: '305',
    capacity: 16,
    load: 0.12,
    disciplines: ['Горная электромеханика', 'Диагностика горного оборудования'],
    items: [
      ['Mine hoist drive trainer', 3],
      ['Conveyor condition monitoring rig', 3],
      ['Vibration analyser SKF Microlog', 1],
      ['Hydraulics trainer Festo', 2],
      ['Thermal imaging camera FLIR T860', 1],
      ['Mine digital twin workstation', 2],
    ],
  },
  {
    code: 'ENG-310',
    name: n(
      'Лаборатория возобновляемой энергетики',
      'Жаңартылатын энергетика зертханасы',
      'Renewable energy laboratory',
    ),
    priorityArea: 'energy',
    building: 'Корпус Г',
    room: '310',
    capacity: 18,
    load: 0.1,
    disciplines: ['Возобновляемые источники энергии'],
    items: [
      ['Solar PV training system', 2],
      ['Wind turbine emulator', 2],
      ['Battery storage test bench', 2],
      ['Hydrogen fuel cell trainer', 2],
      ['Heat pump trainer', 1],
    ],
  },
  {
    code: 'IT-401',
    name: n(
      'Лаборатория промышленной автоматизации',
      'Өнеркәсіптік автоматтандыру зертханасы',
      'Industrial automation laboratory',
    ),
    priorityArea: 'it',
    building: 'Корпус Д',
    room: '401',
    capacity: 24,
    load: 0.2,
    disciplines: ['Программирование ПЛК', 'SCADA-системы'],
    items: [
      ['PLC stations Siemens S7-1500 (set of 10)', 4],
      ['SCADA server WinCC', 1],
      ['Industrial network trainer Profinet', 1],
      ['Robot arm ABB IRB 120', 3],
      ['Process automation rig', 2],
      ['HMI panels (set of 10)', 1],
    ],
  },
  {
    code: 'IT-405',
    name: n(
      'Лаборатория анализа данных и HPC',
      'Деректерді талдау және HPC зертханасы',
      'Data science and HPC laboratory',
    ),
    priorityArea: 'it',
    building: 'Корпус Д',
    room: '405',
    capacity: 24,
    load: 0.18,
    disciplines: ['Анализ промышленных данных', 'Машинное обучение'],
    items: [
      ['GPU compute server NVIDIA A100', 5],
      ['Workstations (set of 24)', 3],
      ['Storage array 200 TB', 2],
      ['Core network switch', 1],
      ['Edge AI kits (set of 12)', 1],
    ],
  },
  {
    code: 'IT-410',
    name: n(
      'Лаборатория Индустрии 4.0 и IoT',
      'Индустрия 4.0 және IoT зертханасы',
      'Industry 4.0 and IoT laboratory',
    ),
    priorityArea: 'it',
    building: 'Корпус Д',
    room: '410',
    capacity: 20,
    load: 0.16,
    disciplines: ['Интернет вещей', 'Цифровые двойники производства'],
    items: [
      ['Smart factory line Festo CP Lab', 6],
      ['Collaborative robot UR10e', 3],
      ['IoT sensor kits (set of 20)', 1],
      ['Digital twin workstation', 1],
      ['AR/VR headsets (set of 10)', 1],
      ['Private 5G testbed', 3],
    ],
  },
];
