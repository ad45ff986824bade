/** Holds scripted calls (quotes, scan data) back until the test lets them go: overlap and in-flight tests. */
export class Gate {
  private closed: Promise<void> | undefined;

  /** Calls wait from now until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.closed = new Promise((resolve) => (release = resolve));
    return () => {
      this.closed = undefined;
      release();
    };
  }

  /** Resolves when the gate is open (at once unless held). */
  async pass(): Promise<void> {
    await this.closed;
  }
}
