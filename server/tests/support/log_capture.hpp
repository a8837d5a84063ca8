#pragma once
// Captures everything the server writes to its log (stderr) between start and stop, at the most
// verbose level, so a test can prove a value never reaches the log.
#include <string>

namespace antq::test {

class LogCapture {
 public:
  LogCapture();   // redirects stderr to a private file and logs at "debug"
  ~LogCapture();  // restores stderr if stop() was not called
  // Restores stderr and the test log level; returns what was written. Stop the server first so
  // every line is out.
  std::string stop();

 private:
  std::string path_;
  int saved_ = -1;
};

}  // namespace antq::test
