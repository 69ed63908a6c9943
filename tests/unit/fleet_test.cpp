// SPDX-License-Identifier: GPL-3.0-or-later
// The organiser's side of a fleet without Syncthing: status files read into the table (stale,
// older, malformed), usage counters merged, bundles published into the content folder.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

#include "bundle/fleet_publish.h"
#include "bundle/fleet_status.h"
#include "bundle/fleet_syncthing.h"
#include "bundle/fleet_usage.h"
#include "install_test_support.h"
#include "signing/minisign.h"

namespace fs = std::filesystem;
using namespace plaza::bundle;
using plaza::test::TempDir;
using plaza::test::write_file;

namespace {

std::string status_json(const std::string& id, std::int64_t version, const std::string& written,
                        const std::string& result = "installed") {
    return R"({"format":1,"kiosk_id":")" + id + R"(","kiosk_name":"Door )" + id +
           R"(","mode":"room","room":"A1",)" + R"("bundle":{"id":"ev-1","version":)" +
           std::to_string(version) + R"(,"built":"2026-12-06T10:00:00Z"},)" +
           R"("last_install":{"result":")" + result +
           R"(","message":"signature does not match","bundle_file":"event-v3.plaza","at":"2026-12-06T10:55:12Z"},)" +
           R"("health":{"frames_failing":0,"watchdog":"ok","free_disk_mb":1234,"clock_sane":true},)" +
           R"("uptime_s":3600,"touches_today":42,"written_at":")" + written + R"("})";
}

const std::int64_t kNow = parse_utc_time("2026-12-06T11:00:00Z");

}  // namespace

TEST_CASE("fleet status: a kiosk file is read field by field") {
    const auto s = parse_status(status_json("door-a1", 3, "2026-12-06T10:59:00Z"), "door-a1.json");
    CHECK(s.problem.empty());
    CHECK(s.kiosk_id == "door-a1");
    CHECK(s.kiosk_name == "Door door-a1");
    CHECK(s.mode == "room");
    CHECK(s.room == "A1");
    CHECK(s.version == 3);
    CHECK(s.install_result == "installed");
    CHECK(s.free_disk_mb == 1234);
    CHECK(s.touches_today == 42);
    CHECK(kNow - s.written_epoch == 60);
}

TEST_CASE("fleet status: stale after three minutes without a status, older versions flagged") {
    const std::vector<KioskStatus> statuses = {
        parse_status(status_json("a", 3, "2026-12-06T10:57:00Z"), "a.json"),  // 180 s
        parse_status(status_json("b", 3, "2026-12-06T10:56:59Z"), "b.json"),  // 181 s
        parse_status(status_json("c", 2, "2026-12-06T10:59:30Z"), "c.json")};
    const auto rows = status_rows(statuses, kNow, 3);
    REQUIRE(rows.size() == 3);
    CHECK_FALSE(rows[0].stale);
    CHECK(rows[1].stale);
    CHECK_FALSE(rows[2].stale);
    CHECK_FALSE(rows[0].older);
    CHECK(rows[2].older);
    const std::string text = format_status_text(rows, 3, "event-v3.plaza");
    CHECK(text.find("Published: version 3 (event-v3.plaza)") != std::string::npos);
    CHECK(text.find("3 min STALE") != std::string::npos);
    CHECK(text.find("2 OLDER") != std::string::npos);
    CHECK(text.find("3 kiosk(s); 1 stale") != std::string::npos);
    CHECK(text.find("1 on an older version") != std::string::npos);
    // Nothing published: nobody is older.
    CHECK_FALSE(status_rows(statuses, kNow, 0)[2].older);
}

TEST_CASE("fleet status: a refusal is shown with its message") {
    const auto rows = status_rows(
        {parse_status(status_json("a", 3, "2026-12-06T10:59:00Z", "refused"), "a.json")}, kNow, 3);
    const std::string text = format_status_text(rows, 3, "event-v3.plaza");
    CHECK(text.find("refused event-v3.plaza: signature does not match") != std::string::npos);
}

TEST_CASE("fleet status: malformed status files become a clear line each, never a crash") {
    TempDir dir;
    write_file(dir.path() / "good.json", status_json("good", 3, "2026-12-06T10:59:00Z"));
    write_file(dir.path() / "cut.json",
               status_json("cut", 3, "2026-12-06T10:59:00Z").substr(0, 60));
    write_file(dir.path() / "array.json", "[1,2]");
    write_file(dir.path() / "typed.json", R"({"format":1,"kiosk_id":"t","uptime_s":"long"})");
    write_file(dir.path() / "future.json", R"({"format":2,"kiosk_id":"f"})");
    write_file(dir.path() / "when.json", R"({"format":1,"kiosk_id":"w","written_at":"yesterday"})");
    write_file(dir.path() / ".good.json.tmp", "half");
    write_file(dir.path() / "notes.txt", "not a status");
    REQUIRE(::mkfifo((dir.path() / "pipe.json").c_str(), 0600) == 0);
    const auto statuses = read_status_folder(dir.path().string());
    REQUIRE(statuses.size() == 7);
    const auto rows = status_rows(statuses, kNow, 3);
    const std::string text = format_status_text(rows, 3, "event-v3.plaza");
    CHECK(text.find("cut.json: not read as a kiosk status: not JSON") != std::string::npos);
    CHECK(text.find("array.json: not read as a kiosk status: not a JSON object") !=
          std::string::npos);
    CHECK(text.find("typed.json: not read as a kiosk status: \"uptime_s\" is not a whole number") !=
          std::string::npos);
    CHECK(text.find("future.json: not read as a kiosk status: format 2") != std::string::npos);
    CHECK(text.find("when.json: not read as a kiosk status: \"written_at\"") != std::string::npos);
    CHECK(text.find("pipe.json: not read as a kiosk status:") != std::string::npos);
    CHECK(text.find("1 kiosk(s)") != std::string::npos);
    CHECK(text.find("6 unreadable") != std::string::npos);
    CHECK(text.find(".good.json.tmp") == std::string::npos);
}

TEST_CASE("fleet status: the HTML page is one file with every kiosk, its text escaped") {
    auto s = parse_status(status_json("a", 3, "2026-12-06T10:59:00Z"), "a.json");
    s.kiosk_name = "<script>alert(1)</script> & co";
    const std::string html =
        format_status_html(status_rows({s}, kNow, 4), 4, "event-v4.plaza", "2026-12-06T11:00:00Z");
    CHECK(html.find("<!DOCTYPE html>") == 0);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co") != std::string::npos);
    CHECK(html.find("<td>3 OLDER</td>") != std::string::npos);
    CHECK(html.find("src=") == std::string::npos);  // nothing loaded from elsewhere
    CHECK(html.find("href=") == std::string::npos);
}

TEST_CASE("fleet usage: every kiosk's counters in one CSV with a kiosk column") {
    const auto merged = merge_usage(
        {{"door-a1", "door-a1.usage.csv",
          "kind,id,title,count\r\npartnership,p1,\"Lyon, Porto\",3\r\nscreen,map,Map,7\r\n"},
         {"booth", "booth.usage.csv",
          "kind,id,title,count\r\nsession,s9,\"The \"\"new\"\" park\",2\r\n"},
         {"old", "old.usage.csv", "what,count\r\nx,1\r\n"},
         {"odd", "odd.usage.csv",
          "kind,id,title,count\r\nscreen,map,Map\r\nscreen,home,Home,-1\r\n"}});
    CHECK(merged.csv ==
          "kiosk,kind,id,title,count\r\n"
          "door-a1,partnership,p1,\"Lyon, Porto\",3\r\n"
          "door-a1,screen,map,Map,7\r\n"
          "booth,session,s9,\"The \"\"new\"\" park\",2\r\n");
    CHECK(merged.rows == 3);
    CHECK(merged.files == 3);
    REQUIRE(merged.problems.size() == 3);
    CHECK(merged.problems[0] ==
          "old.usage.csv:1: the header is not kind,id,title,count; file left out");
    CHECK(merged.problems[1].rfind("odd.usage.csv:2:", 0) == 0);
    CHECK(merged.problems[2].rfind("odd.usage.csv:3:", 0) == 0);
}

TEST_CASE("fleet usage: the kiosk id comes from the file name, temporary files are skipped") {
    TempDir dir;
    write_file(dir.path() / "b.usage.csv", "kind,id,title,count\r\nscreen,map,Map,1\r\n");
    write_file(dir.path() / "a.usage.csv", "kind,id,title,count\r\nscreen,map,Map,2\r\n");
    write_file(dir.path() / ".a.usage.csv.tmp", "kind,id,title,count\r\nscreen,map,Map,9\r\n");
    write_file(dir.path() / "a.json", "{}");
    std::vector<std::string> problems;
    const auto files = read_usage_files(dir.path().string(), problems);
    CHECK(problems.empty());
    REQUIRE(files.size() == 2);
    CHECK(files[0].kiosk_id == "a");
    CHECK(files[1].kiosk_id == "b");
    CHECK(merge_usage(files).csv ==
          "kiosk,kind,id,title,count\r\na,screen,map,Map,2\r\nb,screen,map,Map,1\r\n");
}

namespace {

struct PublishFixture {
    TempDir dir;
    plaza::minisign::KeyPair key = plaza::minisign::generate_key_pair();
    std::string content = dir / "content";
    std::string pubkey = dir / "key.pub";
    PublishFixture() {
        fs::create_directories(content);
        write_file(pubkey, plaza::minisign::format_public_key(key.public_key));
    }
    std::string bundle(std::int64_t version, const std::string& name = "event") {
        const std::string path = dir / (name + ".plaza");
        plaza::test::build_test_bundle(dir, path, version);
        plaza::test::sign_bundle(path, key.secret_key, version);
        return path;
    }
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(content))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

}  // namespace

TEST_CASE(
    "fleet publish: a verified, newer bundle replaces the published pair, nothing left half") {
    PublishFixture f;
    auto first = publish_bundle(f.content, f.bundle(2), f.pubkey);
    REQUIRE_MESSAGE(first.ok(), first.error());
    CHECK(first->file == "event-v2.plaza");
    CHECK(f.files() == std::vector<std::string>{"event-v2.plaza", "event-v2.plaza.minisig"});
    auto second = publish_bundle(f.content, f.bundle(3), f.pubkey);
    REQUIRE_MESSAGE(second.ok(), second.error());
    CHECK(f.files() == std::vector<std::string>{"event-v3.plaza", "event-v3.plaza.minisig"});
    CHECK(published_bundle(f.content).version == 3);
    CHECK(plaza::test::read_file(fs::path(f.content) / "event-v3.plaza") ==
          plaza::test::read_file(f.dir / "event.plaza"));
}

TEST_CASE(
    "fleet publish: a bundle that is not newer, tampered or signed by another key is refused") {
    PublishFixture f;
    REQUIRE(publish_bundle(f.content, f.bundle(3), f.pubkey).ok());
    const auto before = f.files();

    auto same = publish_bundle(f.content, f.bundle(3, "again"), f.pubkey);
    REQUIRE_FALSE(same.ok());
    CHECK(same.error().find("version 3 is not newer than version 3 already published as "
                            "event-v3.plaza") != std::string::npos);

    const std::string tampered = f.bundle(4, "tampered");
    plaza::test::alter_bundle(tampered, "UPDATE city SET country_code = 'ZZ' WHERE slug = 'lodz';");
    auto bad = publish_bundle(f.content, tampered, f.pubkey);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().find("does not verify against") != std::string::npos);

    const std::string other = f.bundle(5, "other");
    plaza::test::sign_bundle(other, plaza::minisign::generate_key_pair().secret_key, 5);
    auto unknown = publish_bundle(f.content, other, f.pubkey);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("does not verify against") != std::string::npos);

    CHECK(f.files() == before);
}

TEST_CASE("fleet publish: a signed fleet.csv is published, an unsigned one refused") {
    PublishFixture f;
    const std::string csv = f.dir / "fleet.csv";
    write_file(csv, "kiosk_id,mode,room,rotation,display_hours\r\ndoor-a1,room,A1,,\r\n");
    auto unsigned_csv = publish_fleet_file(f.content, csv, f.pubkey);
    REQUIRE_FALSE(unsigned_csv.ok());
    CHECK(unsigned_csv.error().find("fleet.csv.minisig: cannot be read") != std::string::npos);
    auto sig = plaza::minisign::sign_file(csv, f.key.secret_key, "plaza fleet file=fleet.csv");
    REQUIRE(sig.ok());
    write_file(csv + ".minisig", plaza::minisign::format_signature(sig.value()));
    auto done = publish_fleet_file(f.content, csv, f.pubkey);
    REQUIRE_MESSAGE(done.ok(), done.error());
    CHECK(f.files() == std::vector<std::string>{"fleet.csv", "fleet.csv.minisig"});
}

TEST_CASE("fleet syncthing: device ids and the folders both sides add") {
    CHECK(valid_device_id("4DQXTJ6-QXSRH7B-WUNOO6B-CWOEZMT-JM5V5S4-DSWHHWJ-6AB3QTL-5W7LTQW"));
    CHECK_FALSE(valid_device_id("4DQXTJ6-QXSRH7B-WUNOO6B-CWOEZMT-JM5V5S4-DSWHHWJ-6AB3QTL"));
    CHECK_FALSE(valid_device_id("4dqxtj6-QXSRH7B-WUNOO6B-CWOEZMT-JM5V5S4-DSWHHWJ-6AB3QTL-5W7LTQW"));
    const std::string json = folder_json("plaza-content", "Plaza content", "/var/lib/plaza/inbox",
                                         "receiveonly", {"ID1"}, 60);
    CHECK(json.find(R"("type":"receiveonly")") != std::string::npos);
    CHECK(json.find(R"("fsWatcherEnabled":true)") != std::string::npos);
    CHECK(json.find(R"("devices":[{"deviceID":"ID1"}])") != std::string::npos);
    CHECK(syncthing_temp_name("event-v3.plaza") == ".syncthing.event-v3.plaza.tmp");
}
