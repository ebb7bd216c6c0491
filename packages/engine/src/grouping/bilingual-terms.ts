import { stem } from '../similar/stem.ts'
import { foldText } from '../text.ts'

/**
 * Everyday French words of apps and their English counterparts, so "les étiquettes ont disparu"
 * and "tags disappeared" share a term even where no outage concept covers them. Words spelt the
 * same in both languages (image, message, document, notification…) need no entry. Keys and
 * values are stemmed like every other term.
 */
const frenchToEnglish: Readonly<Record<string, string>> = {
  // Things on screen
  bouton: 'button', boutons: 'button', ecran: 'screen', fenetre: 'window', onglet: 'tab', onglets: 'tab', menu: 'menu', barre: 'bar', lien: 'link', liens: 'link',
  formulaire: 'form', champ: 'field', champs: 'field', liste: 'list', tableau: 'table', colonne: 'column', ligne: 'row', cellule: 'cell', police: 'font', couleur: 'color',
  theme: 'theme', sombre: 'dark', modele: 'template', etiquette: 'tag', etiquettes: 'tag', libelle: 'label', icone: 'icon',
  // Things people work with
  fichier: 'file', dossier: 'folder', piece: 'attachment', jointe: 'attachment', brouillon: 'draft', corbeille: 'trash', historique: 'history', sauvegarde: 'backup',
  tache: 'task', taches: 'task', projet: 'project', equipe: 'team', membre: 'member', utilisateur: 'user', utilisateurs: 'user', client: 'customer', clients: 'customer',
  compte: 'account', profil: 'profile', parametre: 'settings', parametres: 'settings', reglage: 'settings', reglages: 'settings', droit: 'permission', droits: 'permission', acces: 'access',
  rapport: 'report', graphique: 'chart', calendrier: 'calendar', reunion: 'meeting', appel: 'call', appels: 'call', commentaire: 'comment', avis: 'review', etoile: 'star',
  favori: 'favorite', favoris: 'favorite', partage: 'share', invitation: 'invite', magasin: 'store', magasins: 'store', adresse: 'address', numero: 'number', langue: 'language', traduction: 'translation',
  heure: 'time', jour: 'day', jours: 'day', semaine: 'week', mois: 'month', retard: 'late', hier: 'yesterday', demain: 'tomorrow', echeance: 'deadline', echeances: 'deadline', publier: 'post', micro: 'microphone', fuseau: 'timezone', devise: 'currency', prix: 'price', facture: 'invoice', paiement: 'payment', panier: 'cart', commande: 'order', livraison: 'shipping',
  colis: 'package', produit: 'product', stock: 'stock', recherche: 'search', filtre: 'filter', tri: 'sort', imprimante: 'printer', clavier: 'keyboard', souris: 'mouse',
  son: 'sound', telephone: 'phone', ordinateur: 'computer', appareil: 'device', appareils: 'device', tablette: 'tablet', courriel: 'email', connexion: 'login', deconnexion: 'logout',
  synchronisation: 'sync', telechargement: 'download', televersement: 'upload', serveur: 'server', reseau: 'network',
  // What people do
  envoyer: 'send', envoye: 'sent', envoi: 'send', recevoir: 'receive', recu: 'received', ouvrir: 'open', ouvre: 'open', fermer: 'close', cliquer: 'click', clic: 'click',
  telecharger: 'download', enregistrer: 'save', modifier: 'edit', supprimer: 'delete', supprime: 'deleted', ajouter: 'add', creer: 'create',
  trouver: 'find', voir: 'see', afficher: 'display', affiche: 'display', imprimer: 'print', partager: 'share', inviter: 'invite', payer: 'pay', commander: 'order',
  rechercher: 'search', filtrer: 'filter', trier: 'sort', synchroniser: 'sync', valider: 'submit', connecter: 'login', deconnecter: 'logout', disparu: 'disappeared',
  perdu: 'lost', bloque: 'stuck', lent: 'slow', vide: 'empty', casse: 'broken', erreur: 'error', echec: 'fail', echoue: 'fail', plante: 'crash',
  // Money, shops and bookings
  virement: 'transfer', solde: 'balance', argent: 'money', banque: 'bank', depot: 'deposit', retrait: 'withdrawal', remboursement: 'refund',
  montant: 'amount', achat: 'purchase', vente: 'sale', remise: 'discount', reduction: 'discount', promo: 'promotion', article: 'item', articles: 'item', boutique: 'shop',
  magasinage: 'shopping', caisse: 'checkout', reservation: 'booking', billet: 'ticket', billets: 'ticket', chambre: 'room', sejour: 'stay', abonne: 'subscriber',
  // Learning, work and time
  cours: 'course', lecon: 'lesson', formation: 'training', questionnaire: 'quiz', examen: 'exam', reponse: 'answer', reponses: 'answer',
  certificat: 'certificate', eleve: 'student', etudiant: 'student', professeur: 'teacher', classe: 'class', devoir: 'assignment', pointage: 'clock',
  horaire: 'schedule', conge: 'leave', conges: 'leave', salaire: 'salary', paie: 'payroll', facturation: 'billing', contrat: 'contract', signer: 'sign',
  // Things apps hold
  fiche: 'record', donnee: 'data', donnees: 'data', tableur: 'spreadsheet', feuille: 'sheet',
  lecteur: 'player', musique: 'music', chanson: 'song', carte: 'map',
  suivi: 'tracking', stockage: 'storage', espace: 'space', disque: 'disk',
  // What people do and see
  lire: 'read', ecrire: 'write', jouer: 'play', lancer: 'start', demarrer: 'start', demarrage: 'startup', arreter: 'stop', arret: 'stop',
  soumettre: 'submit', enregistre: 'saved', enregistrement: 'save', telecharge: 'download', imprime: 'print', corrompu: 'corrupt',
  illisible: 'unreadable', endommage: 'damaged', errone: 'wrong', incorrect: 'wrong', faux: 'wrong', gris: 'grey', grise: 'grey', noir: 'black', blanc: 'white',
  attente: 'pending', traitement: 'processing', tourne: 'spin', fige: 'frozen', gele: 'frozen', coupe: 'cut', rame: 'slow', lenteur: 'slow',
}

/** Folded, stemmed French term → stemmed English term. */
export const englishTermOf: ReadonlyMap<string, string> = new Map(
  Object.entries(frenchToEnglish).map(([french, english]) => [stem(foldText(french)), stem(english)]),
)
