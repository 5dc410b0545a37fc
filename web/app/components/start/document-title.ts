/** A document as the lists name it: "Title (SOU 2020:8)", or the title alone when it has no designation. */
export function documentTitle(document: { title: string; designation: string | null }): string {
  return document.designation ? `${document.title} (${document.designation})` : document.title;
}
