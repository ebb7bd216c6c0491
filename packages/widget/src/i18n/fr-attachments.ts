import type { AttachmentStrings } from './strings.ts'

/** The French words of screenshots and files, which load with them (`widget-attachments-fr.js`). */
export const frAttachments: AttachmentStrings = {
  attachmentsTitle: 'Pièces jointes',
  screenshot: 'Ajouter une capture d’écran',
  screenshotHint: 'Votre navigateur demande quoi partager : choisissez cet onglet. Une seule image est prise, et vous pouvez en masquer des parties avant l’envoi.',
  attachFile: 'Joindre un fichier',
  hideHint: 'Glissez sur ce que nous ne devons pas voir : ce sera noirci avant l’envoi.',
  hide: 'Masquer une partie',
  crop: 'Recadrer',
  undo: 'Annuler la dernière zone',
  useScreenshot: 'Ajouter cette capture',
  cancel: 'Annuler',
  remove: 'Retirer {name}',
  notAccepted: '{name} ne peut pas être envoyé : seulement des images, PDF et fichiers texte jusqu’à 10 Mo, 10 fichiers en tout.',
  screenshotFailed: 'Aucune capture n’a été prise. Vous pouvez joindre un fichier à la place.',
}
