// plaza: the kiosk program. Everything else lives in the layers under src/.
#include <chrono>

#include "app/run_plaza.h"

int main(int argc, char** argv) {
    using namespace std::chrono;
    const double start = duration<double>(steady_clock::now().time_since_epoch()).count();
    return plaza::app::run_plaza(argc, argv, start);
}
