// The notification centre's browser side: the unread count in the tab title, a browser notification while the tab is
// in the background, and a short tone (Web Audio, no sound file). The server decides what to announce and whether the
// user wants a notification or a sound; this only shows it.
let unread = 0;
let observer = null;
let audio = null;

function applyTitle() {
  const base = document.title.replace(/^\(\d+\) /, "");
  const wanted = unread > 0 ? `(${unread}) ${base}` : base;
  if (document.title !== wanted) document.title = wanted;
}

export function setUnread(count) {
  unread = count;
  if (!observer) {
    // Each page sets its own title (Blazor's PageTitle): put the count back in front whenever it changes.
    observer = new MutationObserver(applyTitle);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
  }
  applyTitle();
}

export function announce(title, body, browser, sound) {
  if (browser && "Notification" in window && Notification.permission === "granted" && document.visibilityState !== "visible") {
    try { new Notification(title, { body, tag: "crm-console" }); } catch { /* not allowed here: the centre still has it */ }
  }
  if (sound) tone();
}

export async function requestPermission() {
  if (!("Notification" in window)) return "unsupported";
  return Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
}

function tone() {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.25);
  } catch { /* no audio device: silence */ }
}
