// plaza-bundle: the organisers' tool that turns a content folder into a Plaza bundle.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bundle/bundle_builder.h"

namespace {

constexpr const char* kUsage =
    "usage: plaza-bundle build SRC -o OUT.plaza [--version N]\n"
    "\n"
    "  build   validate the content folder SRC and write the bundle OUT.plaza\n"
    "\n"
    "Exit codes: 0 success, 1 the content has problems (listed as file:line: field: what),\n"
    "            2 the bundle could not be written, 64 wrong usage.\n";

int usage_error(const std::string& message) {
    std::fprintf(stderr, "plaza-bundle: %s\n\n%s", message.c_str(), kUsage);
    return 64;
}

int run_build(const std::vector<std::string>& args) {
    plaza::bundle::BuildOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) {
            options.output_path = args[++i];
        } else if (args[i] == "--version" && i + 1 < args.size()) {
            char* end = nullptr;
            options.content_version = std::strtoll(args[++i].c_str(), &end, 10);
            if (*end != '\0' || options.content_version < 1)
                return usage_error("--version takes a whole number of at least 1");
        } else if (args[i] == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (options.source_dir.empty() && args[i][0] != '-') {
            options.source_dir = args[i];
        } else {
            return usage_error("unexpected argument '" + args[i] + "'");
        }
    }
    if (options.source_dir.empty() || options.output_path.empty())
        return usage_error("build needs a source folder and -o OUT.plaza");
    std::vector<std::string> problems;
    auto result = plaza::bundle::build_bundle(options, problems);
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.c_str());
    if (!problems.empty()) {
        std::fprintf(stderr, "plaza-bundle: %zu problem(s); nothing was written\n", problems.size());
        return 1;
    }
    if (!result) {
        std::fprintf(stderr, "plaza-bundle: %s\n", result.error().c_str());
        return 2;
    }
    std::printf("wrote %s\n", options.output_path.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 64 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "build") return run_build(args);
    return usage_error("unknown command '" + command + "'");
}
