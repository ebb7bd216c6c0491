/**
 * English and French words too common to tell two incidents apart, folded like `foldText`
 * (no accents) and split like `words` ("n'arrive" gives "n" and "arrive").
 * Negations stay out of the list on purpose: they are everywhere in support text and carry no topic.
 */
export const stopWords: ReadonlySet<string> = new Set(
  [
    // English
    'a an the and or but if then else of to in on at by for from with without about as into onto over under',
    'is are was were be been being am do does did doing done have has had having can could will would shall should may might must',
    'i me my mine we us our you your he him his she her it its they them their this that these those there here',
    'what which who whom whose when where why how all any each every some such no not nor only own same so than too very just',
    'also again still yet up down out off once now get got gets getting please hi hello thanks thank regards dear',
    'don doesn didn isn aren wasn weren can cannot couldn won wouldn shouldn haven hasn hadn ll ve re d s t m',
    // French
    'le la les l un une des de du d au aux a à et ou mais donc or ni car que qu qui quoi dont ce cet cette ces ca cela',
    'je j me m moi tu te t toi il elle on nous vous ils elles se s lui leur leurs y en',
    'mon ma mes ton ta tes son sa ses notre nos votre vos',
    'est suis es sommes etes sont etait etais ete etre ai as avons avez ont avait avais avoir fait faire',
    'ne n pas plus dans par pour sur sous avec sans chez vers entre comme tres tout tous toute toutes aussi encore deja',
    'bonjour merci cordialement svp salut madame monsieur',
  ]
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/\s+/),
)
