/**
 * Links the operating system hands the app, held until the app can act on them: macOS sends
 * `open-url` before the app is ready, and a first launch carries its link before the window
 * has loaded. Once `open` is called, held links go first, in the order they came.
 */
export class LinkInbox {
  private held: string[] = [];
  private deliver: ((uri: string) => void) | undefined;

  receive(uri: string): void {
    if (this.deliver) this.deliver(uri);
    else this.held.push(uri);
  }

  open(deliver: (uri: string) => void): void {
    this.deliver = deliver;
    for (const uri of this.held.splice(0)) deliver(uri);
  }
}
