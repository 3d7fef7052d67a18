// STAND-IN glossary for developing the benchmark harness before data/glossary.json exists.
// Only used with `--engine standin`; never mixed into real results.
export const standinEntries = [
  {
    id: 'defense-cooperation',
    category: 'cooperation',
    forms: ['defense cooperation', 'defence cooperation', 'defence co-operation'],
  },
  {
    id: 'defense-cooperation-agreement',
    category: 'agreement',
    forms: ['defense cooperation agreement', 'defence cooperation agreement', 'DCA'],
  },
  {
    id: 'bilateral-defense-agreement',
    category: 'agreement',
    forms: [
      'bilateral defense agreement',
      'bilateral defence agreement',
      'bilateral defense agreements',
      'bilateral defence agreements',
    ],
  },
  {
    id: 'multilateral-treaty',
    category: 'agreement',
    forms: ['multilateral treaty', 'multilateral treaties'],
  },
  { id: 'treaty', category: 'agreement', forms: ['treaty', 'treaties'] },
  {
    id: 'memorandum-of-understanding',
    category: 'agreement',
    forms: ['memorandum of understanding', 'MoU'],
  },
  {
    id: 'status-of-forces-agreement',
    category: 'agreement',
    forms: ['status of forces agreement', 'SOFA'],
  },
  {
    id: 'intelligence-sharing',
    category: 'cooperation',
    forms: ['intelligence sharing', 'shared intelligence', 'share intelligence'],
  },
  {
    id: 'military-training',
    category: 'operation',
    forms: ['military training', 'joint training'],
  },
  {
    id: 'technology-transfer',
    category: 'cooperation',
    forms: [
      'technology transfer',
      'technology transfers',
      'defense technology transfer',
      'defence technology transfer',
    ],
  },
  {
    id: 'financial-aid',
    category: 'cooperation',
    forms: ['financial aid', 'military aid', 'security assistance'],
  },
  {
    id: 'arms-sales',
    category: 'cooperation',
    forms: ['arms sales', 'arms sale', 'arms deal', 'arms'],
  },
  {
    id: 'joint-defense-research',
    category: 'cooperation',
    forms: ['joint defense research', 'joint defence research'],
  },
  {
    id: 'cybersecurity',
    category: 'capability',
    forms: ['cybersecurity', 'cyber security', 'cyber defence', 'cyber defense'],
  },
  {
    id: 'satellite-technology',
    category: 'capability',
    forms: ['satellite technology', 'satellite'],
  },
  {
    id: 'advanced-weaponry',
    category: 'capability',
    forms: ['advanced weaponry', 'weaponry', 'weapons', 'missile defence', 'missile defense'],
  },
  {
    id: 'counter-terrorism',
    category: 'operation',
    forms: ['counter-terrorism', 'counterterrorism', 'counter terrorism'],
  },
  {
    id: 'military-exercise',
    category: 'operation',
    forms: [
      'military exercise',
      'joint military exercise',
      'military drills',
      'military drill',
      'multi-nation military drills',
    ],
  },
  { id: 'peacekeeping', category: 'operation', forms: ['peacekeeping', 'peacekeepers'] },
  { id: 'regional-stability', category: 'strategy', forms: ['regional stability', 'stability'] },
  {
    id: 'security-strategy',
    category: 'strategy',
    forms: ['security strategy', 'defense strategy', 'defence strategy', 'national security'],
  },
  { id: 'deterrence', category: 'strategy', forms: ['deterrence', 'deterrent'] },
  { id: 'geopolitics', category: 'strategy', forms: ['geopolitical', 'geopolitics'] },
  {
    id: 'mutual-interests',
    category: 'strategy',
    forms: ['mutual security', 'defense interests', 'defence interests'],
  },
  {
    id: 'strategic-alliance',
    category: 'organisation',
    forms: ['strategic alliance', 'strategic alliances', 'alliance', 'alliances'],
  },
  { id: 'nato', category: 'organisation', forms: ['North Atlantic Treaty Organization', 'NATO'] },
  { id: 'gcc', category: 'organisation', forms: ['Gulf Cooperation Council', 'GCC'] },
  { id: 'european-union', category: 'organisation', forms: ['European Union', 'EU'] },
  {
    id: 'united-nations',
    category: 'organisation',
    forms: ['United Nations', 'UN Security Council'],
  },
  {
    id: 'us-saudi-alliance',
    category: 'organisation',
    forms: ['U.S.-Saudi Arabia alliance', 'U.S.–Saudi alliance'],
  },
  {
    id: 'partnership',
    category: 'organisation',
    forms: ['technological partnerships', 'partnership', 'partnerships'],
  },
  { id: 'military', category: 'capability', forms: ['military', 'armed forces'] },
  { id: 'sanctions', category: 'strategy', forms: ['sanctions', 'embargo'] },
  { id: 'defence', category: 'strategy', forms: ['defence', 'defense'] },
  { id: 'war', category: 'operation', forms: ['war', 'wars', 'conflict'] },
];
