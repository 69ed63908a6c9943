// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/speech_output.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>
#include <utility>
#include <vector>

#include "core/log.h"

namespace plaza::platform {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How far synthesis may run ahead of playback. espeak-ng is many times faster than real time;
// without a limit a long text would sit in SDL's queue in full (memory), and cutting it off
// would always mean clearing the queue rather than stopping the synthesis.
constexpr int kAheadSeconds = 2;
// How often the worker looks at SDL's queue while audio plays (to report quiet, and to wait
// for room while synthesis is ahead).
constexpr milliseconds kPoll{50};
// How long the device stays open after the last audio: longer than a visitor's pause between
// taps in spoken mode (reopening costs latency, and on a Pi's headphone jack a click), short
// enough that an abandoned spoken session stops SDL's mixing thread soon.
constexpr auto kLinger = std::chrono::seconds(15);
// 1024 samples at 22050 Hz is 46 ms: what a cut-off can lag behind at most, per buffer.
constexpr Uint16 kDeviceSamples = 1024;
// espeak-ng's own default voice (ESPEAKNG_DEFAULT_VOICE), for languages it has no voice for.
constexpr const char* kDefaultLanguage = "en";

static_assert(sizeof(short) == sizeof(std::int16_t), "espeak-ng's samples are 16-bit");

// Gets each chunk of PCM; returns false to stop the synthesis.
using SampleSink = std::function<bool(const std::int16_t* samples, std::size_t count)>;

bool has_words(const core::SpeechPart& part) {
    return part.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos;
}

bool has_words(const core::Utterance& utterance) {
    return std::any_of(utterance.begin(), utterance.end(),
                       [](const core::SpeechPart& p) { return has_words(p); });
}

// A BCP 47-looking code as espeak-ng spells it ("pt_BR" -> "pt-BR"), or "" when `language`
// cannot be one (bundle text is checked, but a language code is no place for 1 MB of anything).
std::string voice_code(const std::string& language) {
    if (language.empty() || language.size() > 35) return "";
    std::string code = language;
    for (char& c : code) {
        if (c == '_') c = '-';
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return "";
    }
    return code;
}

// For a log line: printable ASCII, shortened.
std::string printable(const std::string& text) {
    std::string out;
    for (char c : text.substr(0, 40))
        out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return text.size() > 40 ? out + "..." : out;
}

// The process's one espeak-ng: the library keeps its state in globals, so every synthesis (the
// live voice's worker, render_to_wav) goes through here, one at a time.
class Espeak {
  public:
    static Espeak& get() {
        static Espeak instance;
        return instance;
    }

    // Empty when espeak-ng is ready, else why not.
    const std::string& failure() const { return failure_; }
    int sample_rate() const { return sample_rate_; }
    const std::string& version() const { return version_; }

    // Synthesises the parts in order, each with its language's voice, handing the PCM to
    // `sink`. True when it ran to the end, false when the sink stopped it.
    core::Result<bool> synthesize(const core::Utterance& utterance, const SampleSink& sink) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!failure_.empty()) return core::Error{failure_};
        std::vector<const core::SpeechPart*> parts;
        for (const core::SpeechPart& part : utterance)
            if (has_words(part)) parts.push_back(&part);
        if (parts.empty()) return core::Error{"nothing to say: the utterance has no words"};

        sink_ = &sink;
        stopped_ = false;
        bool finished = true;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            select_voice(parts[i]->language);
            const std::string& text = parts[i]->text;
            // espeak-ng drops the pause after the last clause unless asked; between parts
            // (a language switch) a sentence's pause keeps the two from running together.
            const unsigned flags = espeakCHARS_UTF8 | (i + 1 < parts.size() ? espeakENDPAUSE : 0);
            const espeak_ERROR status = espeak_Synth(text.c_str(), text.size() + 1, 0,
                                                     POS_CHARACTER, 0, flags, nullptr, nullptr);
            if (status != EE_OK) {
                sink_ = nullptr;
                return core::Error{"espeak-ng could not synthesise \"" + printable(text) +
                                   "\" (error " + std::to_string(status) + ")"};
            }
            if (stopped_) {
                finished = false;
                break;
            }
        }
        sink_ = nullptr;
        return finished;
    }

  private:
    Espeak() {
        // espeak_Initialize() would exit() the whole kiosk when the data is missing (unless
        // espeakINITIALIZE_DONT_EXIT, and then it goes on half-initialised); the espeak_ng_
        // calls report a status instead. AUDIO_OUTPUT_SYNCHRONOUS is ENOUTPUT_MODE_SYNCHRONOUS:
        // espeak_Synth() synthesises on the calling thread and calls back with the PCM.
        // Note: espeak_ng_Initialize() sets LC_CTYPE to C.UTF-8 for the whole process (its
        // wctype calls need a UTF-8 locale); Plaza's own code does not depend on LC_CTYPE.
        espeak_ng_InitializePath(nullptr);
        const char* data_path = nullptr;
        version_ = espeak_Info(&data_path);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        espeak_ng_STATUS status = espeak_ng_Initialize(&context);
        if (status == ENS_OK)
            status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (status != ENS_OK) {
            char message[256] = {};
            espeak_ng_GetStatusCodeMessage(status, message, sizeof message);
            espeak_ng_ClearErrorContext(&context);
            failure_ = "espeak-ng cannot load its voice data from " +
                       std::string(data_path ? data_path : "?") + " (" + message +
                       "); it comes with Debian's espeak-ng-data";
            return;
        }
        sample_rate_ = espeak_ng_GetSampleRate();
        espeak_SetSynthCallback(&Espeak::on_samples);
    }

    ~Espeak() {
        if (failure_.empty()) espeak_ng_Terminate();
    }

    // Caller holds mutex_. Setting a voice loads its dictionary (Catalan: tens of ms), so the
    // current one is kept while the language stays the same.
    void select_voice(const std::string& language) {
        const std::string code = voice_code(language);
        if (have_voice_ && code == voice_code_) return;
        bool found = false;
        if (!code.empty()) {
            espeak_VOICE spec{};
            spec.languages = code.c_str();
            found = espeak_SetVoiceByProperties(&spec) == EE_OK;
        }
        if (!found) {
            if (warned_.insert(language).second) {
                core::log_warning("speech: espeak-ng has no voice for language \"" +
                                  printable(language) +
                                  "\"; its text is read with the default English voice");
            }
            espeak_VOICE spec{};
            spec.languages = kDefaultLanguage;
            espeak_SetVoiceByProperties(&spec);
        }
        have_voice_ = true;
        voice_code_ = code;
    }

    // espeak-ng's synthesis callback (plain C, no context pointer of ours): runs inside
    // espeak_Synth(), so on the thread that holds mutex_.
    static int on_samples(short* wav, int count, espeak_EVENT* /*events*/) {
        Espeak& self = get();
        if (!wav || !self.sink_) return 0;  // no wav: the end of the text
        if (!(*self.sink_)(wav, static_cast<std::size_t>(std::max(count, 0)))) {
            self.stopped_ = true;
            return 1;  // abort
        }
        return 0;
    }

    std::mutex mutex_;
    std::string failure_;
    std::string version_;
    int sample_rate_ = 0;
    bool have_voice_ = false;
    std::string voice_code_;
    std::set<std::string> warned_;  // languages already reported as without a voice
    const SampleSink* sink_ = nullptr;
    bool stopped_ = false;
};

SDL_AudioDeviceID open_audio_device(int sample_rate) {
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = kDeviceSamples;
    want.callback = nullptr;  // SDL_QueueAudio
    // No allowed changes: SDL converts to whatever the hardware takes.
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (device) SDL_PauseAudioDevice(device, 0);  // an empty queue plays silence
    return device;
}

// When there is no voice or no audio output: the kiosk works on, without sound.
class SilentSpeech final : public core::Speech {
  public:
    void say(const core::Utterance&) override {}
    void stop() override {}
};

void put_u16(std::vector<unsigned char>& out, unsigned value) {
    out.push_back(value & 0xff);
    out.push_back((value >> 8) & 0xff);
}

void put_u32(std::vector<unsigned char>& out, std::uint32_t value) {
    put_u16(out, value & 0xffff);
    put_u16(out, value >> 16);
}

core::Result<bool> write_wav(const std::string& path, const std::vector<std::int16_t>& pcm,
                             int sample_rate) {
    const std::uint64_t data_bytes = pcm.size() * 2ull;
    if (data_bytes > 0xffffffffull - 36) return core::Error{"too much speech for one WAV file"};
    std::vector<unsigned char> bytes;
    bytes.reserve(44 + data_bytes);
    const auto tag = [&](const char* four) { bytes.insert(bytes.end(), four, four + 4); };
    tag("RIFF");
    put_u32(bytes, static_cast<std::uint32_t>(36 + data_bytes));
    tag("WAVE");
    tag("fmt ");
    put_u32(bytes, 16);  // PCM format chunk size
    put_u16(bytes, 1);   // PCM
    put_u16(bytes, 1);   // mono
    put_u32(bytes, static_cast<std::uint32_t>(sample_rate));
    put_u32(bytes, static_cast<std::uint32_t>(sample_rate * 2));  // bytes per second
    put_u16(bytes, 2);                                            // bytes per frame
    put_u16(bytes, 16);                                           // bits per sample
    tag("data");
    put_u32(bytes, static_cast<std::uint32_t>(data_bytes));
    for (const std::int16_t sample : pcm)
        put_u16(bytes, static_cast<std::uint16_t>(sample));

    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) return core::Error{"cannot write " + path + ": " + std::strerror(errno)};
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const int write_errno = errno;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        std::remove(path.c_str());
        return core::Error{"cannot write " + path + ": " +
                           std::strerror(written ? errno : write_errno)};
    }
    return true;
}

}  // namespace

// --- SpeechMailbox --------------------------------------------------------------------------

void SpeechMailbox::post(core::Utterance utterance) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = std::move(utterance);
    ++generation_;
    work_.notify_all();
}

void SpeechMailbox::cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.reset();
    ++generation_;
    work_.notify_all();
}

void SpeechMailbox::close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    pending_.reset();
    ++generation_;
    work_.notify_all();
    quiet_.notify_all();
}

SpeechTask SpeechMailbox::next(std::optional<milliseconds> timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    const auto ready = [&] { return closed_ || generation_.load() != taken_; };
    if (timeout) {
        if (!work_.wait_for(lock, *timeout, ready)) return {};
    } else {
        work_.wait(lock, ready);
    }
    SpeechTask task;
    if (closed_) {
        task.kind = SpeechTask::Kind::closed;
        return task;
    }
    taken_ = generation_.load();
    task.generation = taken_;
    if (pending_) {
        task.kind = SpeechTask::Kind::speak;
        task.utterance = std::move(*pending_);
        pending_.reset();
    } else {
        task.kind = SpeechTask::Kind::silence;
    }
    return task;
}

bool SpeechMailbox::wait_superseded(std::uint64_t generation, milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    return work_.wait_for(lock, timeout, [&] { return generation_.load() != generation; });
}

void SpeechMailbox::done(std::uint64_t generation) {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = std::max(finished_, generation);
    if (finished_ == generation_.load()) quiet_.notify_all();
}

bool SpeechMailbox::wait_until_quiet(milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    quiet_.wait_for(lock, timeout, [&] { return closed_ || finished_ == generation_.load(); });
    return finished_ == generation_.load();
}

// --- SpeechOutput ---------------------------------------------------------------------------

core::Result<std::unique_ptr<SpeechOutput>> SpeechOutput::open() {
    Espeak& espeak = Espeak::get();
    if (!espeak.failure().empty()) return core::Error{espeak.failure()};
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        return core::Error{std::string("no audio output: SDL cannot start audio (") +
                           SDL_GetError() + ")"};
    }
    const SDL_AudioDeviceID device = open_audio_device(espeak.sample_rate());
    if (!device) {
        std::string error = std::string("no audio output: SDL cannot open the default device (") +
                            SDL_GetError() + ")";
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return core::Error{std::move(error)};
    }
    return std::unique_ptr<SpeechOutput>(new SpeechOutput(device, espeak.sample_rate()));
}

SpeechOutput::SpeechOutput(SDL_AudioDeviceID device, int sample_rate)
    : sample_rate_(sample_rate), device_(device) {
    worker_ = std::thread([this] { run(); });
}

SpeechOutput::~SpeechOutput() {
    mailbox_.close();  // also stops a synthesis under way
    worker_.join();
    close_device();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SpeechOutput::say(const core::Utterance& utterance) {
    if (has_words(utterance))
        mailbox_.post(utterance);
    else
        mailbox_.cancel();
}

void SpeechOutput::stop() {
    mailbox_.cancel();
}

bool SpeechOutput::wait_until_quiet(milliseconds timeout) {
    return mailbox_.wait_until_quiet(timeout);
}

std::string SpeechOutput::describe() const {
    const char* driver = SDL_GetCurrentAudioDriver();
    return "espeak-ng " + Espeak::get().version() + " at " + std::to_string(sample_rate_) +
           " Hz through SDL audio driver " + (driver ? driver : "?");
}

void SpeechOutput::run() {
    std::uint64_t playing = 0;  // the generation whose audio is in SDL's queue; 0: none
    Clock::time_point quiet_since = Clock::now();
    for (;;) {
        std::optional<milliseconds> timeout;  // closed device: sleep until there is work
        if (device_ && playing) {
            timeout = kPoll;
        } else if (device_) {
            const auto left = quiet_since + kLinger - Clock::now();
            timeout = std::max(milliseconds(0), std::chrono::ceil<milliseconds>(left));
        }
        SpeechTask task = mailbox_.next(timeout);
        if (task.kind == SpeechTask::Kind::closed) return;
        if (task.kind == SpeechTask::Kind::speak || task.kind == SpeechTask::Kind::silence) {
            if (device_) SDL_ClearQueuedAudio(device_);
            playing = 0;
            if (task.kind == SpeechTask::Kind::speak) speak(task);
            // Done when SDL's queue has drained (below); at once when there is no device or
            // something newer has come.
            if (device_ && !mailbox_.superseded(task.generation))
                playing = task.generation;
            else
                mailbox_.done(task.generation);
        }
        if (playing && SDL_GetQueuedAudioSize(device_) == 0) {
            // The last buffer or two may still be on their way out of the device (< 0.1 s).
            mailbox_.done(playing);
            playing = 0;
            quiet_since = Clock::now();
        }
        if (device_ && !playing && Clock::now() - quiet_since >= kLinger) close_device();
    }
}

bool SpeechOutput::open_device() {
    device_ = open_audio_device(sample_rate_);
    if (device_) {
        open_failure_logged_ = false;
        return true;
    }
    // Once per run of failures: the kiosk may be asked to speak every few seconds.
    if (!open_failure_logged_) {
        core::log_warning(std::string("speech: cannot open the audio output (SDL: ") +
                          SDL_GetError() + "); not speaking");
        open_failure_logged_ = true;
    }
    return false;
}

void SpeechOutput::close_device() {
    if (!device_) return;
    SDL_CloseAudioDevice(device_);
    device_ = 0;
}

void SpeechOutput::speak(const SpeechTask& task) {
    if (!device_ && !open_device()) return;
    const Uint32 ahead_bytes = static_cast<Uint32>(sample_rate_) * 2 * kAheadSeconds;
    const SampleSink sink = [&](const std::int16_t* samples, std::size_t count) {
        while (SDL_GetQueuedAudioSize(device_) > ahead_bytes) {
            if (mailbox_.wait_superseded(task.generation, kPoll)) return false;
        }
        if (mailbox_.superseded(task.generation)) return false;
        if (count) SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * 2));
        return true;
    };
    const core::Result<bool> result = Espeak::get().synthesize(task.utterance, sink);
    if (!result.ok()) core::log_warning("speech: " + result.error());
}

namespace {

// Opens the voice when spoken mode first says something: until a visitor asks for it, SDL's
// audio subsystem is not started, so its device-watching thread (which wakes every 100 ms in
// SDL 2.26's ALSA backend) does not run on a kiosk nobody listens to.
class VoiceOnFirstUse final : public core::Speech {
  public:
    void say(const core::Utterance& utterance) override { voice().say(utterance); }
    void stop() override {
        if (voice_) voice_->stop();
    }

  private:
    core::Speech& voice() {
        if (voice_) return *voice_;
        core::Result<std::unique_ptr<SpeechOutput>> opened = SpeechOutput::open();
        if (opened.ok()) {
            core::log_info("speech: " + opened.value()->describe());
            voice_ = std::move(opened.value());
        } else {
            core::log_warning("speech: spoken mode stays silent: " + opened.error());
            voice_ = std::make_unique<SilentSpeech>();
        }
        return *voice_;
    }
    std::unique_ptr<core::Speech> voice_;
};

}  // namespace

std::unique_ptr<core::Speech> make_speech_output() {
    return std::make_unique<VoiceOnFirstUse>();
}

core::Result<RenderedSpeech> render_to_wav(const core::Utterance& utterance,
                                           const std::string& path) {
    Espeak& espeak = Espeak::get();
    std::vector<std::int16_t> pcm;
    const core::Result<bool> result =
        espeak.synthesize(utterance, [&](const std::int16_t* samples, std::size_t count) {
            pcm.insert(pcm.end(), samples, samples + count);
            return true;
        });
    if (!result.ok()) return core::Error{result.error()};
    const core::Result<bool> written = write_wav(path, pcm, espeak.sample_rate());
    if (!written.ok()) return core::Error{written.error()};
    return RenderedSpeech{espeak.sample_rate(), pcm.size()};
}

}  // namespace plaza::platform
