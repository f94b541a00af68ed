// Package busy knows whether the person is busy at the computer: in a
// video call or a screen share, or watching something fullscreen, when a
// reminder would be the interruption people mind most.
//
// It asks, when asked (Detector.Busy), never on its own: the daemon asks
// when a reminder comes due and, while one is held because busy, every
// few seconds until that ends. Nothing runs at rest.
//
// The sources, each used when it is there, together:
//
//  1. microphone: an ALSA capture device open and running, as
//     /proc/asound/card*/pcm*c/sub*/status says ("state: RUNNING"). A
//     sound server (PipeWire, PulseAudio) opens the device while any
//     program records and suspends it a few seconds after the last one
//     stops, so this sees a call in any program, through the sound
//     server or not. It does not see a Bluetooth headset's microphone
//     (not an ALSA device).
//  2. camera: a /dev/video* device open by one of the user's processes,
//     found through /proc/PID/fd (the programs of other users cannot be
//     read, and are not the person's call).
//  3. fullscreen: on X11, the active window (_NET_ACTIVE_WINDOW on the
//     root window) has _NET_WM_STATE_FULLSCREEN in its _NET_WM_STATE: a
//     presentation, a shared screen in presenter mode, a film. Asked
//     through github.com/jezek/xgb; never on a Wayland session, whose
//     windows XWayland does not know.
//
// Not used: PipeWire's own graph (its native protocol has no Go client,
// and `pw-dump` is a program to run, not what the desktop says), GNOME
// Shell's privacy indicators (not exported on the bus), and Wayland's
// fullscreen state (no protocol tells it to other clients).
//
// What the sources say is input from other programs: a status file or a
// property of any size or shape is read within limits and never trusted
// beyond "running" or "fullscreen".
//
// Options.Root moves the whole /proc tree for tests (a fake
// /proc/asound and /proc/PID/fd tree); an X server comes from DISPLAY.
package busy
