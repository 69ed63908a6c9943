// SPDX-License-Identifier: GPL-3.0-or-later
// The kiosk's real voice: espeak-ng synthesises each part of an utterance with its language's
// voice on a worker thread, and the PCM plays through an SDL audio device; the same synthesis
// can write a WAV file instead (tests, plaza-say). Without espeak-ng's data or an audio output
// the factory hands out a silent voice, so the kiosk runs on boxes without a sound card.
#pragma once

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.h"
#include "core/speech.h"

namespace plaza::platform {

// What the worker is to do next, as SpeechMailbox::next() hands it out.
struct SpeechTask {
    enum class Kind {
        speak,    // cut off what is playing, then say `utterance`
        silence,  // cut off what is playing (stop())
        timeout,  // nothing new within the timeout
        closed,   // the voice is shutting down
    };
    Kind kind = Kind::timeout;
    std::uint64_t generation = 0;
    core::Utterance utterance;
};

// Hands utterances from the frame's thread to the voice's worker; the newest always wins. Every
// post() and cancel() starts a new generation: an utterance whose generation is no longer the
// newest is cut off (superseded() is cheap enough for espeak-ng's synthesis callback), and one
// the worker has not started is dropped. No SDL or espeak-ng in here, so tests drive it directly.
class SpeechMailbox {
  public:
    // The caller's side (never blocks for longer than a mutex hand-over).
    void post(core::Utterance utterance);
    void cancel();
    // Wakes everybody for good; what is being synthesised counts as superseded.
    void close();

    // The worker's side. Waits until there is something newer than the last task handed out,
    // the mailbox is closed, or `timeout` passes (none: wait as long as it takes).
    SpeechTask next(std::optional<std::chrono::milliseconds> timeout);
    bool superseded(std::uint64_t generation) const { return generation_.load() != generation; }
    // Waits up to `timeout` for a newer generation; true when `generation` was superseded.
    bool wait_superseded(std::uint64_t generation, std::chrono::milliseconds timeout);
    // The worker has finished with `generation`: its audio has played, or it was cut off.
    void done(std::uint64_t generation);

    // Blocks until everything posted so far has been played or cut off (true), or the mailbox
    // is closed or `timeout` passes (false).
    bool wait_until_quiet(std::chrono::milliseconds timeout);

  private:
    mutable std::mutex mutex_;
    std::condition_variable work_;              // the worker waits here
    std::condition_variable quiet_;             // wait_until_quiet() waits here
    std::atomic<std::uint64_t> generation_{0};  // written under mutex_
    std::uint64_t taken_ = 0;                   // the newest generation next() handed out
    std::uint64_t finished_ = 0;                // the newest generation done() reported
    std::optional<core::Utterance> pending_;
    bool closed_ = false;
};

// espeak-ng through an SDL audio device. say() and stop() only hand over to the worker thread,
// which synthesises at most a couple of seconds ahead of playback, queues the PCM with
// SDL_QueueAudio and clears the queue when something newer arrives. The device is opened when
// there is something to say and closed after a quiet while: an open SDL device runs its mixing
// thread even when paused, and the kiosk must sleep when idle.
class SpeechOutput final : public core::Speech {
  public:
    // Loads espeak-ng's data (once per process), initialises SDL audio and opens the default
    // output. Costs a few tens of milliseconds; call it on the main thread (SDL's subsystems
    // are initialised there) and destroy the voice before SDL is shut down. The error says
    // what is missing.
    static core::Result<std::unique_ptr<SpeechOutput>> open();
    ~SpeechOutput() override;
    SpeechOutput(const SpeechOutput&) = delete;
    SpeechOutput& operator=(const SpeechOutput&) = delete;

    void say(const core::Utterance& utterance) override;
    void stop() override;

    // Blocks until everything said so far has played (plaza-say and tests; the kiosk never
    // waits). False when `timeout` passed first.
    bool wait_until_quiet(std::chrono::milliseconds timeout);
    // For logs: e.g. "espeak-ng 1.51 at 22050 Hz through SDL audio driver alsa".
    std::string describe() const;

  private:
    SpeechOutput(SDL_AudioDeviceID device, int sample_rate);
    void run();
    bool open_device();
    void close_device();
    void speak(const SpeechTask& task);

    int sample_rate_;
    SDL_AudioDeviceID device_;  // 0 while closed; touched only by the worker after open()
    SpeechMailbox mailbox_;
    std::thread worker_;
    bool open_failure_logged_ = false;  // worker only
};

// The kiosk's voice, opened on the main thread the first time it is asked to say something:
// SpeechOutput when it opens, else a voice that logs once why it is silent and ignores what it
// is asked to say. Destroy it before SDL shuts down.
std::unique_ptr<core::Speech> make_speech_output();

struct RenderedSpeech {
    int sample_rate = 0;
    std::size_t samples = 0;  // 16-bit mono
    double seconds() const { return sample_rate ? double(samples) / sample_rate : 0.0; }
};

// Synthesises `utterance` exactly as the live voice does (same voice per part) and writes it to
// `path` as a 16-bit mono RIFF WAV file. An utterance with nothing to say is an error, and then
// no file is written. espeak-ng synthesises one text at a time: while a SpeechOutput of the same
// process is speaking, this waits for it.
core::Result<RenderedSpeech> render_to_wav(const core::Utterance& utterance,
                                           const std::string& path);

}  // namespace plaza::platform
