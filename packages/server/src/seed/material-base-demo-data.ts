/**
 * The demo material base: a dozen labs in the four priority areas and their equipment (inventory
 * numbers are assigned in order, KDTU-EQ-0001 …). Costs come from the investments (demo-investments-data.ts).
 */
import type { Trilingual } from '@kadr/contracts';

/** A lab with its equipment: [name in kk/ru/en, price weight]. */
export interface DemoLab {
  code: string;
  name: { kk: string; ru: string; en: string };
  priorityArea: 'petrochemistry' | 'metallurgy' | 'energy' | 'it';
  building: Trilingual;
  room: string;
  capacity: number;
  /** Probability that a timetable slot of a weekday is booked for a class. */
  load: number;
  disciplines: string[];
  items: [{ kk: string; ru: string; en: string }, number][];
}

const n = (ru: string, kk: string, en: string) => ({ kk, ru, en });

export const demoLabs: DemoLab[] = [
  {
    code: 'PCH-101',
    name: n('Лаборатория нефтепереработки', 'Мұнай өңдеу зертханасы', 'Petroleum process laboratory'),
    priorityArea: 'petrochemistry',
    building: { kk: 'А корпусы', ru: 'Корпус А', en: 'Building A' },
    room: '101',
    capacity: 20,
    load: 0.16,
    disciplines: ['Технология переработки нефти', 'Процессы и аппараты химической технологии'],
    items: [
      [
        n(
          'Пилотная ректификационная колонна Armfield UOP3CC',
          'Armfield UOP3CC пилоттық ректификациялық колоннасы',
          'Pilot distillation column Armfield UOP3CC',
        ),
        5,
      ],
      [
        n(
          'Газовый хроматограф Agilent 7890B',
          'Agilent 7890B газ хроматографы',
          'Gas chromatograph Agilent 7890B',
        ),
        3,
      ],
      [
        n(
          'Микрореактор каталитического крекинга',
          'Каталитикалық крекинг микрореакторы',
          'Catalytic cracking micro-reactor',
        ),
        4,
      ],
      [
        n(
          'ИК-Фурье-спектрометр Bruker Alpha II',
          'Bruker Alpha II ИҚ-Фурье спектрометрі',
          'FTIR spectrometer Bruker Alpha II',
        ),
        2,
      ],
      [
        n(
          'Вискозиметр Anton Paar SVM 3001',
          'Anton Paar SVM 3001 вискозиметрі',
          'Viscometer Anton Paar SVM 3001',
        ),
        1,
      ],
      [
        n(
          'Учебный стенд управления процессами Festo MPS PA',
          'Festo MPS PA процестерді басқару оқу стенді',
          'Process control trainer Festo MPS PA',
        ),
        2,
      ],
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
    building: { kk: 'А корпусы', ru: 'Корпус А', en: 'Building A' },
    room: '105',
    capacity: 16,
    load: 0.1,
    disciplines: ['Каталитические процессы', 'Аналитическая химия нефти'],
    items: [
      [
        n(
          'Жидкостный хроматограф ВЭЖХ Shimadzu Nexera',
          'Shimadzu Nexera ЖТСХ сұйықтық хроматографы',
          'HPLC Shimadzu Nexera',
        ),
        3,
      ],
      [
        n(
          'Элементный анализатор Elementar vario EL cube',
          'Elementar vario EL cube элементтік анализаторы',
          'Elemental analyser Elementar vario EL cube',
        ),
        2,
      ],
      [
        n(
          'Анализатор температуры вспышки Petrotest PM4',
          'Petrotest PM4 тұтану температурасын өлшегіш',
          'Flash point tester Petrotest PM4',
        ),
        1,
      ],
      [
        n(
          'Анализатор серы Horiba SLFA-60',
          'Horiba SLFA-60 күкірт анализаторы',
          'Sulfur analyser Horiba SLFA-60',
        ),
        1,
      ],
      [
        n(
          'Лабораторный вытяжной шкаф Waldner',
          'Waldner зертханалық сорғыш шкафы',
          'Laboratory fume hood Waldner',
        ),
        1,
      ],
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
    building: { kk: 'А корпусы', ru: 'Корпус А', en: 'Building A' },
    room: '110',
    capacity: 18,
    load: 0.08,
    disciplines: ['Химия и технология полимеров'],
    items: [
      [n('Реометр Anton Paar MCR 302', 'Anton Paar MCR 302 реометрі', 'Rheometer Anton Paar MCR 302'), 3],
      [
        n(
          'Экструдер Thermo HAAKE MiniLab',
          'Thermo HAAKE MiniLab экструдері',
          'Extruder Thermo HAAKE MiniLab',
        ),
        2,
      ],
      [
        n(
          'Дифференциальный сканирующий калориметр Netzsch 214 Polyma',
          'Netzsch 214 Polyma дифференциалды сканерлеуші калориметрі',
          'DSC Netzsch 214 Polyma',
        ),
        2,
      ],
      [
        n(
          'Разрывная машина Instron 3345',
          'Instron 3345 созуға сынау машинасы',
          'Tensile tester Instron 3345',
        ),
        2,
      ],
      [
        n(
          'Ротационный испаритель Büchi R-300',
          'Büchi R-300 роторлы буландырғышы',
          'Rotary evaporator Büchi R-300',
        ),
        1,
      ],
    ],
  },
  {
    code: 'MET-201',
    name: n('Лаборатория металлургии', 'Металлургия зертханасы', 'Metallurgy laboratory'),
    priorityArea: 'metallurgy',
    building: { kk: 'Б корпусы', ru: 'Корпус Б', en: 'Building B' },
    room: '201',
    capacity: 20,
    load: 0.18,
    disciplines: ['Металлургия чёрных металлов', 'Теория металлургических процессов'],
    items: [
      [n('Индукционная печь VIP на 50 кг', 'VIP 50 кг индукциялық пеші', 'Induction furnace VIP 50 kg'), 5],
      [
        n(
          'Оптико-эмиссионный спектрометр Spectromaxx',
          'Spectromaxx оптикалық-эмиссиялық спектрометрі',
          'Optical emission spectrometer Spectromaxx',
        ),
        4,
      ],
      [
        n(
          'Металлографический микроскоп Zeiss Axio Imager',
          'Zeiss Axio Imager металлографиялық микроскобы',
          'Metallographic microscope Zeiss Axio Imager',
        ),
        2,
      ],
      [
        n(
          'Линия пробоподготовки Struers',
          'Struers сынама дайындау желісі',
          'Sample preparation line Struers',
        ),
        2,
      ],
      [
        n(
          'Твердомер Emco-Test DuraScan',
          'Emco-Test DuraScan қаттылық өлшегіші',
          'Hardness tester Emco-Test DuraScan',
        ),
        1,
      ],
      [
        n(
          'Термоанализатор Netzsch STA 449',
          'Netzsch STA 449 термоанализаторы',
          'Thermal analyser Netzsch STA 449',
        ),
        2,
      ],
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
    building: { kk: 'Б корпусы', ru: 'Корпус Б', en: 'Building B' },
    room: '204',
    capacity: 16,
    load: 0.14,
    disciplines: ['Материаловедение', 'Неразрушающий контроль'],
    items: [
      [
        n(
          'Универсальная испытательная машина ZwickRoell Z250',
          'ZwickRoell Z250 әмбебап сынақ машинасы',
          'Universal testing machine ZwickRoell Z250',
        ),
        4,
      ],
      [n('Маятниковый копёр Шарпи 450 Дж', 'Шарпи маятникті копры, 450 Дж', 'Charpy impact tester 450 J'), 1],
      [
        n(
          'Сканирующий электронный микроскоп Tescan Vega',
          'Tescan Vega сканерлеуші электрондық микроскобы',
          'Scanning electron microscope Tescan Vega',
        ),
        6,
      ],
      [
        n(
          'Рентгеновский дифрактометр Rigaku MiniFlex',
          'Rigaku MiniFlex рентгендік дифрактометрі',
          'X-ray diffractometer Rigaku MiniFlex',
        ),
        4,
      ],
      [
        n(
          'Ультразвуковой дефектоскоп Olympus EPOCH 650',
          'Olympus EPOCH 650 ультрадыбыстық дефектоскопы',
          'Ultrasonic flaw detector Olympus EPOCH 650',
        ),
        1,
      ],
      [
        n(
          'Система испытаний на усталость MTS Landmark',
          'MTS Landmark шаршауға сынау жүйесі',
          'Fatigue testing system MTS Landmark',
        ),
        4,
      ],
    ],
  },
  {
    code: 'MET-210',
    name: n('Машиностроительная мастерская', 'Машина жасау шеберханасы', 'Machine building workshop'),
    priorityArea: 'metallurgy',
    building: { kk: 'В корпусы', ru: 'Корпус В', en: 'Building C' },
    room: '010',
    capacity: 14,
    load: 0.12,
    disciplines: ['Технология машиностроения', 'Обработка металлов на станках с ЧПУ'],
    items: [
      [
        n(
          'Токарный станок с ЧПУ DMG Mori CLX 350',
          'DMG Mori CLX 350 СББ токарлық станогы',
          'CNC lathe DMG Mori CLX 350',
        ),
        4,
      ],
      [
        n(
          'Обрабатывающий центр с ЧПУ Haas VF-2',
          'Haas VF-2 СББ өңдеу орталығы',
          'CNC machining centre Haas VF-2',
        ),
        4,
      ],
      [
        n(
          'Координатно-измерительная машина Zeiss Contura',
          'Zeiss Contura координаттық өлшеу машинасы',
          'Coordinate measuring machine Zeiss Contura',
        ),
        3,
      ],
      [
        n('Сварочный тренажёр Soldamatic', 'Soldamatic дәнекерлеу тренажері', 'Welding simulator Soldamatic'),
        1,
      ],
      [
        n(
          '3D-принтер по металлу Trumpf TruPrint 1000',
          'Trumpf TruPrint 1000 металл 3D принтері',
          'Metal 3D printer Trumpf TruPrint 1000',
        ),
        4,
      ],
      [
        n(
          'Установка лазерной резки Trumpf TruLaser 1030',
          'Trumpf TruLaser 1030 лазерлік кесу қондырғысы',
          'Laser cutter Trumpf TruLaser 1030',
        ),
        3,
      ],
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
    building: { kk: 'Г корпусы', ru: 'Корпус Г', en: 'Building G' },
    room: '301',
    capacity: 20,
    load: 0.15,
    disciplines: ['Электроэнергетические системы и сети', 'Релейная защита'],
    items: [
      [
        n(
          'Симулятор энергосистемы Lucas-Nülle',
          'Lucas-Nülle энергожүйе симуляторы',
          'Power system simulator Lucas-Nülle',
        ),
        4,
      ],
      [
        n(
          'Комплекс проверки релейной защиты Omicron CMC 356',
          'Omicron CMC 356 релелік қорғанысты тексеру кешені',
          'Relay test set Omicron CMC 356',
        ),
        2,
      ],
      [
        n(
          'Учебный стенд электроприводов',
          'Электр жетектерінің оқу стенді',
          'Electric drives training bench',
        ),
        2,
      ],
      [
        n(
          'Анализатор качества электроэнергии Fluke 435-II',
          'Fluke 435-II электр энергиясы сапасының анализаторы',
          'Power quality analyser Fluke 435-II',
        ),
        1,
      ],
      [
        n(
          'Учебный стенд «умной» электросети',
          'Зияткерлік электр желісінің оқу стенді',
          'Smart grid trainer',
        ),
        3,
      ],
      [n('Стенд испытания трансформаторов', 'Трансформаторларды сынау стенді', 'Transformer test bench'), 2],
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
    building: { kk: 'Г корпусы', ru: 'Корпус Г', en: 'Building G' },
    room: '305',
    capacity: 16,
    load: 0.12,
    disciplines: ['Горная электромеханика', 'Диагностика горного оборудования'],
    items: [
      [
        n(
          'Тренажёр привода шахтного подъёмника',
          'Шахта көтергіші жетегінің тренажері',
          'Mine hoist drive trainer',
        ),
        3,
      ],
      [
        n(
          'Стенд мониторинга состояния конвейера',
          'Конвейер күйін бақылау стенді',
          'Conveyor condition monitoring rig',
        ),
        3,
      ],
      [
        n(
          'Виброанализатор SKF Microlog',
          'SKF Microlog діріл анализаторы',
          'Vibration analyser SKF Microlog',
        ),
        1,
      ],
      [n('Учебный стенд гидравлики Festo', 'Festo гидравлика оқу стенді', 'Hydraulics trainer Festo'), 2],
      [n('Тепловизор FLIR T860', 'FLIR T860 жылу бейнелегіші', 'Thermal imaging camera FLIR T860'), 1],
      [
        n(
          'Рабочая станция цифрового двойника рудника',
          'Кеніштің цифрлық егізі жұмыс станциясы',
          'Mine digital twin workstation',
        ),
        2,
      ],
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
    building: { kk: 'Г корпусы', ru: 'Корпус Г', en: 'Building G' },
    room: '310',
    capacity: 18,
    load: 0.1,
    disciplines: ['Возобновляемые источники энергии'],
    items: [
      [
        n(
          'Учебный стенд солнечной электростанции',
          'Күн электр станциясының оқу стенді',
          'Solar PV training system',
        ),
        2,
      ],
      [n('Эмулятор ветроустановки', 'Жел қондырғысының эмуляторы', 'Wind turbine emulator'), 2],
      [
        n(
          'Стенд испытания аккумуляторных накопителей',
          'Аккумуляторлық жинақтағыштарды сынау стенді',
          'Battery storage test bench',
        ),
        2,
      ],
      [
        n(
          'Учебный стенд водородного топливного элемента',
          'Сутегі отын элементінің оқу стенді',
          'Hydrogen fuel cell trainer',
        ),
        2,
      ],
      [n('Учебный стенд теплового насоса', 'Жылу сорғысының оқу стенді', 'Heat pump trainer'), 1],
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
    building: { kk: 'Д корпусы', ru: 'Корпус Д', en: 'Building D' },
    room: '401',
    capacity: 24,
    load: 0.2,
    disciplines: ['Программирование ПЛК', 'SCADA-системы'],
    items: [
      [
        n(
          'Станции ПЛК Siemens S7-1500 (комплект из 10)',
          'Siemens S7-1500 БЛК станциялары (10 дана жиынтық)',
          'PLC stations Siemens S7-1500 (set of 10)',
        ),
        4,
      ],
      [n('Сервер SCADA WinCC', 'WinCC SCADA сервері', 'SCADA server WinCC'), 1],
      [
        n(
          'Учебный стенд промышленной сети Profinet',
          'Profinet өнеркәсіптік желі оқу стенді',
          'Industrial network trainer Profinet',
        ),
        1,
      ],
      [n('Робот-манипулятор ABB IRB 120', 'ABB IRB 120 робот-манипуляторы', 'Robot arm ABB IRB 120'), 3],
      [
        n(
          'Стенд автоматизации технологических процессов',
          'Технологиялық процестерді автоматтандыру стенді',
          'Process automation rig',
        ),
        2,
      ],
      [
        n(
          'Панели оператора HMI (комплект из 10)',
          'HMI оператор панельдері (10 дана жиынтық)',
          'HMI panels (set of 10)',
        ),
        1,
      ],
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
    building: { kk: 'Д корпусы', ru: 'Корпус Д', en: 'Building D' },
    room: '405',
    capacity: 24,
    load: 0.18,
    disciplines: ['Анализ промышленных данных', 'Машинное обучение'],
    items: [
      [
        n(
          'Вычислительный GPU-сервер NVIDIA A100',
          'NVIDIA A100 GPU есептеу сервері',
          'GPU compute server NVIDIA A100',
        ),
        5,
      ],
      [
        n(
          'Рабочие станции (комплект из 24)',
          'Жұмыс станциялары (24 дана жиынтық)',
          'Workstations (set of 24)',
        ),
        3,
      ],
      [n('Система хранения данных 200 ТБ', '200 ТБ деректер сақтау жүйесі', 'Storage array 200 TB'), 2],
      [n('Коммутатор ядра сети', 'Желі ядросының коммутаторы', 'Core network switch'), 1],
      [
        n(
          'Комплекты периферийного ИИ (12 шт.)',
          'Шеткі ЖИ жиынтықтары (12 дана)',
          'Edge AI kits (set of 12)',
        ),
        1,
      ],
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
    building: { kk: 'Д корпусы', ru: 'Корпус Д', en: 'Building D' },
    room: '410',
    capacity: 20,
    load: 0.16,
    disciplines: ['Интернет вещей', 'Цифровые двойники производства'],
    items: [
      [
        n(
          'Линия «умной» фабрики Festo CP Lab',
          'Festo CP Lab зияткерлік фабрика желісі',
          'Smart factory line Festo CP Lab',
        ),
        6,
      ],
      [n('Коллаборативный робот UR10e', 'UR10e коллаборативті роботы', 'Collaborative robot UR10e'), 3],
      [
        n(
          'Комплекты датчиков IoT (20 шт.)',
          'IoT датчиктер жиынтықтары (20 дана)',
          'IoT sensor kits (set of 20)',
        ),
        1,
      ],
      [
        n('Рабочая станция цифрового двойника', 'Цифрлық егіз жұмыс станциясы', 'Digital twin workstation'),
        1,
      ],
      [
        n(
          'Гарнитуры AR/VR (комплект из 10)',
          'AR/VR гарнитуралары (10 дана жиынтық)',
          'AR/VR headsets (set of 10)',
        ),
        1,
      ],
      [n('Испытательный стенд частной сети 5G', 'Жеке 5G желісінің сынақ стенді', 'Private 5G testbed'), 3],
    ],
  },
];
