#pragma once
// The Word document of a report: LibreOffice (headless, Debian's libreoffice-writer-nogui) turns
// the report's Writer-flavoured HTML into a .docx (docs/decisions/0012-report-documents.md).
// Each conversion is a subprocess with a time limit, in its own process group (killed whole on
// timeout), with a private LibreOffice profile per slot; slots bound how many run at once. A
// missing converter, a full queue or a timeout is a 503 with a Vietnamese message, never a 500.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace antq::reports {

// 503: the Word document cannot be made right now (converter missing, busy or too slow).
struct ConverterUnavailable : ServiceUnavailable {
  explicit ConverterUnavailable(std::string message, int retry_after_seconds = 30)
      : ServiceUnavailable("converter_unavailable", std::move(message), retry_after_seconds) {}
};

class DocxConverter {
 public:
  struct Options {
    std::string soffice = "soffice";              // ANTQ_SOFFICE: a path or a name on PATH
    std::chrono::milliseconds timeout{60000};     // ANTQ_DOCX_TIMEOUT_MS: one conversion
    int slots = 1;                                // ANTQ_DOCX_CONCURRENCY: conversions at once
    std::chrono::milliseconds queue_wait{30000};  // how long a request waits for a free slot
  };
  static Options from_environment();

  explicit DocxConverter(Options o) : o_(std::move(o)), busy_(static_cast<std::size_t>(std::max(1, o_.slots)), false) {}
  ~DocxConverter();
  DocxConverter(const DocxConverter&) = delete;
  DocxConverter& operator=(const DocxConverter&) = delete;

  // The .docx bytes of an HTML document.
  std::string convert(const std::string& html);

 private:
  std::size_t acquire();
  void release(std::size_t slot);
  const std::filesystem::path& base();
  std::string run(std::size_t slot, const std::string& html);

  Options o_;
  std::mutex m_;
  std::condition_variable freed_;
  std::vector<bool> busy_;
  std::filesystem::path base_;  // private (0700) directory of the slots, made on first use
};

}  // namespace antq::reports
