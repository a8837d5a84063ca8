// Boost.JSON's implementation, compiled here with the fuzzers' instrumentation (see CMakeLists.txt).
#include <boost/json/src.hpp>
