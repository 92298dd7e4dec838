#pragma once
// Where the server's PDFs (forms, certificates, posters) are drawn. By default in this
// process (the command line: it ends soon after). `jinguo serve` draws each in a short-lived
// child process instead, its own binary run as `jinguo render` with the job on its standard
// input and the PDF on its standard output (documents/pdf_job.h): the Noto CJK fonts it maps
// (~60 MiB) and fontconfig's and pango's state (~25 MiB) leave with the child, so the server
// stays small however many PDFs it has made (bench/README.md, Memory). At most `at_once`
// children run at a time; the others wait their turn for a while, then get a 503. One per
// process, built where the process is put together (app/commands.cpp) and passed by reference
// to what draws PDFs (Forms, Certificates, Notices).
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "services/crypto_limit.h"

namespace jinguo::services {

struct RenderProcesses {
  std::vector<std::string> command{"/proc/self/exe", "render"};  // reads a job, writes the PDF
  int at_once = 2;                                              // children at a time
  std::chrono::milliseconds patience{30'000};                   // a turn waited for, then 503
  std::chrono::milliseconds timeout{60'000};                    // a child's time, then it is killed
};

class PdfRenderer {
 public:
  PdfRenderer() = default;  // in this process
  explicit PdfRenderer(RenderProcesses processes);
  PdfRenderer(const PdfRenderer&) = delete;
  PdfRenderer& operator=(const PdfRenderer&) = delete;

  // The PDF of a job. Throws DomainError: kBusy (503) when no turn came free in time,
  // kInternal with a Chinese message when the child failed, ran out of time or wrote no PDF
  // (what it said on standard error goes to the log).
  std::string render(const std::string& job);

  bool in_child_processes() const { return limit_ != nullptr; }
  int busy() const { return limit_ ? limit_->busy() : 0; }  // children running now

 private:
  std::string render_in_child(const std::string& job);

  RenderProcesses processes_;
  std::unique_ptr<HashLimit> limit_;
};

}  // namespace jinguo::services
