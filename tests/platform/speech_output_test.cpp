// SPDX-License-Identifier: GPL-3.0-or-later
// platform::SpeechOutput, its mailbox and render_to_wav: espeak-ng's speech checked with sox
// (non-silent, plausible length), the newest utterance winning, and a cut-off heard on SDL's
// disk audio driver (a file, no sound card needed).
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "platform/speech_output.h"

using plaza::core::Utterance;
using plaza::platform::render_to_wav;
using plaza::platform::SpeechMailbox;
using plaza::platform::SpeechOutput;
using plaza::platform::SpeechTask;
using namespace std::chrono_literals;

namespace {

namespace fs = std::filesystem;

struct TempDir {
    TempDir() {
        char pattern[] = "/tmp/plaza-speech-XXXXXX";
        REQUIRE(mkdtemp(pattern));
        path = pattern;
    }
    ~TempDir() { fs::remove_all(path); }
    std::string path;
};

// Sets an environment variable for one test and puts the old value back.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
    }

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// What `sox FILE -n stat` says about a file (it writes to stderr).
struct SoxStat {
    double seconds = -1.0;
    double rms = -1.0;  // RMS amplitude, full scale = 1
    std::string output;
};

double stat_value(const std::string& output, const std::string& label) {
    const std::size_t at = output.find(label);
    if (at == std::string::npos) return -1.0;
    return std::strtod(output.c_str() + output.find(':', at) + 1, nullptr);
}

SoxStat sox_stat(const std::string& path) {
    SoxStat stat;
    const std::string command = "sox '" + path + "' -n stat 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE_MESSAGE(pipe, "cannot run sox (Debian's sox package)");
    char buffer[512];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        stat.output.append(buffer, n);
    const int status = pclose(pipe);
    REQUIRE_MESSAGE(status == 0, "sox failed (is Debian's sox installed?): " << stat.output);
    stat.seconds = stat_value(stat.output, "Length (seconds):");
    stat.rms = stat_value(stat.output, "RMS     amplitude:");
    return stat;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::uint32_t le32(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

const Utterance kCatalan{{"Bon dia. Associació 3 de 12: Gant i Đà Nẵng", "ca"}};

// About ten seconds of Catalan, none of its pauses longer than a sentence's.
const Utterance kLong{
    {"Associació 3 de 12: Gant i Đà Nẵng. Les dues ciutats treballen juntes en el comerç "
     "just, la cadena de valor del tèxtil i la formació de joves dissenyadores. Cada any "
     "organitzen una fira conjunta i comparteixen el que han après amb altres ciutats.",
     "ca"}};

}  // namespace

TEST_CASE("speech: a Catalan utterance renders to a WAV file that sox finds non-silent") {
    TempDir dir;
    const std::string path = dir.path + "/catalan.wav";
    const auto rendered = render_to_wav(kCatalan, path);
    REQUIRE_MESSAGE(rendered.ok(), rendered.error());
    CHECK(rendered->sample_rate == 22050);

    const std::string bytes = read_file(path);
    REQUIRE(bytes.size() == 44 + rendered->samples * 2);
    CHECK(bytes.compare(0, 4, "RIFF") == 0);
    CHECK(bytes.compare(8, 8, "WAVEfmt ") == 0);
    CHECK(le32(bytes, 24) == 22050);
    CHECK(bytes.compare(36, 4, "data") == 0);
    CHECK(le32(bytes, 40) == rendered->samples * 2);

    const SoxStat stat = sox_stat(path);
    MESSAGE("sox: " << stat.seconds << " s, RMS amplitude " << stat.rms);
    CHECK_MESSAGE(stat.seconds > 1.5, stat.output);
    CHECK_MESSAGE(stat.seconds < 15.0, stat.output);
    CHECK(stat.seconds == doctest::Approx(rendered->seconds()).epsilon(0.001));
    CHECK_MESSAGE(stat.rms > 0.02, stat.output);
}

TEST_CASE("speech: each part is spoken with its own language's voice, in order") {
    TempDir dir;
    const auto catalan = render_to_wav({{"Bon dia", "ca"}}, dir.path + "/ca.wav");
    const auto english = render_to_wav({{"Bon dia", "en"}}, dir.path + "/en.wav");
    const auto both = render_to_wav({{"Bon dia", "ca"}, {"Bon dia", "en"}}, dir.path + "/b.wav");
    REQUIRE(catalan.ok());
    REQUIRE(english.ok());
    REQUIRE(both.ok());
    // Catalan and English voices say the same letters differently.
    CHECK(read_file(dir.path + "/ca.wav") != read_file(dir.path + "/en.wav"));
    // Both parts, plus a pause between them (not more than a sentence's).
    const double sum = catalan->seconds() + english->seconds();
    CHECK(both->seconds() > sum);
    CHECK(both->seconds() < sum + 0.6);
    CHECK(sox_stat(dir.path + "/b.wav").rms > 0.02);
}

TEST_CASE("speech: a language without a voice is read with the default voice") {
    TempDir dir;
    for (const std::string& language :
         std::vector<std::string>{"xx", "", "<b>no</b>", std::string(5000, 'a')}) {
        CAPTURE(language.substr(0, 20));
        const auto rendered = render_to_wav({{"Partnership", language}}, dir.path + "/x.wav");
        REQUIRE_MESSAGE(rendered.ok(), rendered.error());
        CHECK(rendered->seconds() > 0.3);
    }
}

TEST_CASE("speech: nothing to say is an error, and no file is written") {
    TempDir dir;
    const std::string path = dir.path + "/empty.wav";
    for (const Utterance& utterance : {Utterance{}, Utterance{{"", "ca"}, {" \n\t ", "en"}}}) {
        const auto rendered = render_to_wav(utterance, path);
        CHECK_FALSE(rendered.ok());
        CHECK(rendered.error().find("nothing to say") != std::string::npos);
        CHECK_FALSE(fs::exists(path));
    }
    const auto unwritable = render_to_wav(kCatalan, dir.path + "/no/such/folder/x.wav");
    REQUIRE_FALSE(unwritable.ok());
    CHECK(unwritable.error().find("/no/such/folder/x.wav") != std::string::npos);
}

TEST_CASE("speech mailbox: the newest utterance wins and supersedes the one being spoken") {
    SpeechMailbox mailbox;
    CHECK(mailbox.wait_until_quiet(0ms));
    CHECK(mailbox.next(0ms).kind == SpeechTask::Kind::timeout);

    mailbox.post({{"first", "en"}});
    const SpeechTask first = mailbox.next(std::nullopt);
    REQUIRE(first.kind == SpeechTask::Kind::speak);
    CHECK(first.utterance.at(0).text == "first");
    CHECK_FALSE(mailbox.superseded(first.generation));
    CHECK_FALSE(mailbox.wait_until_quiet(0ms));

    // Two more before the worker looks again: the middle one is never spoken.
    mailbox.post({{"second", "en"}});
    mailbox.post({{"third", "en"}});
    CHECK(mailbox.superseded(first.generation));  // synthesis of "first" aborts
    const SpeechTask third = mailbox.next(std::nullopt);
    REQUIRE(third.kind == SpeechTask::Kind::speak);
    CHECK(third.utterance.at(0).text == "third");
    CHECK(mailbox.next(0ms).kind == SpeechTask::Kind::timeout);

    // Finishing an older one does not make the voice quiet; finishing the newest does.
    mailbox.done(first.generation);
    CHECK_FALSE(mailbox.wait_until_quiet(0ms));
    mailbox.done(third.generation);
    CHECK(mailbox.wait_until_quiet(0ms));
}

TEST_CASE("speech mailbox: stop cuts off without anything new, and drops what has not started") {
    SpeechMailbox mailbox;
    mailbox.post({{"dropped", "en"}});
    mailbox.cancel();
    const SpeechTask task = mailbox.next(0ms);
    REQUIRE(task.kind == SpeechTask::Kind::silence);
    CHECK(task.utterance.empty());
    mailbox.done(task.generation);
    CHECK(mailbox.wait_until_quiet(0ms));
}

TEST_CASE("speech mailbox: a synthesis waiting for room wakes as soon as it is superseded") {
    SpeechMailbox mailbox;
    mailbox.post({{"long", "en"}});
    const SpeechTask task = mailbox.next(std::nullopt);
    CHECK_FALSE(mailbox.wait_superseded(task.generation, 1ms));

    std::thread caller([&] {
        std::this_thread::sleep_for(20ms);
        mailbox.post({{"newer", "en"}});
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK(mailbox.wait_superseded(task.generation, 10s));
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    caller.join();

    // A waiting worker wakes for the new utterance, and a quiet-waiter for close().
    std::thread worker([&] { CHECK(mailbox.next(10s).utterance.at(0).text == "newer"); });
    worker.join();
    std::thread closer([&] {
        std::this_thread::sleep_for(20ms);
        mailbox.close();
    });
    CHECK_FALSE(mailbox.wait_until_quiet(10s));
    closer.join();
    CHECK(mailbox.next(std::nullopt).kind == SpeechTask::Kind::closed);
    CHECK(mailbox.superseded(task.generation));
}

TEST_CASE("speech output: without an audio output the kiosk gets a silent voice") {
    ScopedEnv driver("SDL_AUDIODRIVER", "no-such-driver");
    const auto voice = SpeechOutput::open();
    REQUIRE_FALSE(voice.ok());
    CHECK(voice.error().find("no audio output") != std::string::npos);

    const std::unique_ptr<plaza::core::Speech> fallback = plaza::platform::make_speech_output();
    REQUIRE(fallback);
    CHECK(dynamic_cast<SpeechOutput*>(fallback.get()) == nullptr);
    fallback->say(kCatalan);
    fallback->stop();
}

TEST_CASE("speech output: a second say() cuts off the first, which is never heard again") {
    // SDL's disk driver writes what the device plays to a file, in real time: a second of the
    // file is a second of playback, whatever the machine's load.
    TempDir dir;
    const std::string raw = dir.path + "/played.raw";
    ScopedEnv driver("SDL_AUDIODRIVER", "disk");
    ScopedEnv file("SDL_DISKAUDIOFILE", raw);

    const Utterance second{{"Bon dia, bon dia.", "ca"}};
    const auto long_speech = render_to_wav(kLong, dir.path + "/long.wav");
    const auto second_speech = render_to_wav(second, dir.path + "/second.wav");
    REQUIRE(long_speech.ok());
    REQUIRE(second_speech.ok());
    REQUIRE(long_speech->seconds() > 8.0);
    REQUIRE(second_speech->seconds() < 1.5);
    const int rate = long_speech->sample_rate;
    const auto played_seconds = [&] {
        std::error_code error;
        const auto size = fs::file_size(raw, error);
        return error ? 0.0 : double(size) / (2.0 * rate);
    };
    const auto play_until = [&](double seconds) {
        const auto give_up = std::chrono::steady_clock::now() + 30s;
        while (played_seconds() < seconds && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(5ms);
        REQUIRE(played_seconds() >= seconds);
    };

    auto voice = SpeechOutput::open();
    REQUIRE_MESSAGE(voice.ok(), voice.error());
    voice.value()->say(kLong);
    play_until(1.0);
    voice.value()->say(second);
    // Measured, not assumed: on a busy machine this thread may look late.
    const double cut_at = played_seconds(), end = cut_at + 3.5;
    play_until(end);
    // Three and a half seconds of playback after the cut: the second one is long over.
    CHECK(voice.value()->wait_until_quiet(5s));
    // stop(), and say() with nothing to say, cut off just the same (after `end`: not analysed).
    voice.value()->say(kLong);
    voice.value()->stop();
    CHECK(voice.value()->wait_until_quiet(5s));
    voice.value()->say(kLong);
    voice.value()->say({});
    CHECK(voice.value()->wait_until_quiet(5s));
    voice.value().reset();  // closes the device and the file

    const std::string bytes = read_file(raw);
    const std::size_t samples = bytes.size() / 2;
    const auto loud_between = [&](double from, double to) {
        std::size_t loud = 0;
        const std::size_t last = std::min(samples, std::size_t(to * rate));
        for (std::size_t i = std::size_t(from * rate); i < last; ++i) {
            std::int16_t s = 0;
            std::memcpy(&s, bytes.data() + 2 * i, 2);
            if (s > 1000 || s < -1000) ++loud;
        }
        return loud;
    };
    // What was already on its way to the device when the cut came (the file's buffer, one
    // device buffer) is well under 0.3 s; loud samples after that are the second utterance.
    const double second_from = cut_at + 0.3;
    MESSAGE("played " << double(samples) / rate << " s; loud samples before the cut "
                      << loud_between(0, cut_at) << ", after "
                      << loud_between(second_from, end - 1.5) << ", in the last 1.5 s "
                      << loud_between(end - 1.5, end));
    const std::size_t a_tenth = std::size_t(0.1 * rate);
    CHECK(loud_between(0, cut_at) > a_tenth);               // the long one started
    CHECK(loud_between(second_from, end - 1.5) > a_tenth);  // the second one was said
    // Left alone, the long one would still be talking; cut off, everything is quiet.
    CHECK(loud_between(end - 1.5, end) == 0);
}
