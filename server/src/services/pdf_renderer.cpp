#include "services/pdf_renderer.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include <spdlog/spdlog.h>

#include "documents/pdf_job.h"
#include "domain/error.h"

extern char** environ;

namespace jinguo::services {

namespace {

// What went wrong with a child, for the log; the user is told render_failed() only.
struct ChildFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

domain::DomainError render_failed(const std::string& why) {
  return domain::DomainError(domain::ErrorKind::kInternal, "render_failed", "",
                             "生成PDF文件失败（排版进程出错），请稍后再试；如仍失败请联系管理员",
                             "the PDF could not be drawn: " + why);
}

domain::DomainError render_busy() {
  return domain::DomainError(domain::ErrorKind::kBusy, "busy", "", "正在生成的PDF文件过多，请稍后再试",
                             "too many PDFs being drawn at once: try again shortly")
      .with_detail("retry_after", "5");
}

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    reset();
    fd_ = std::exchange(other.fd_, -1);
    return *this;
  }
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// A pipe, both ends closed on exec (the child gets its ends by dup2, which clears the flag).
std::pair<Fd, Fd> make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw ChildFailed(std::string("pipe: ") + std::strerror(errno));
  return {Fd(fds[0]), Fd(fds[1])};
}

// A started child, killed and reaped if it is left before it has been waited for.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  // Its exit status as waitpid gives it.
  int wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_;
};

pid_t spawn(const std::vector<std::string>& command, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  posix_spawn_file_actions_adddup2(&actions, in, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_adddup2(&actions, err, 2);
  // The server's signal mask (SIGTERM and SIGINT are blocked in every thread, taken by a
  // sigwait thread) and its ignored SIGPIPE are not the child's.
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGTERM, SIGINT}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int error = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) throw ChildFailed("cannot start " + command.front() + ": " + std::strerror(error));
  return pid;
}

std::string describe(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("killed by signal ") + ::strsignal(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace

PdfRenderer::PdfRenderer(RenderProcesses processes)
    : processes_(std::move(processes)), limit_(std::make_unique<HashLimit>(processes_.at_once, processes_.patience)) {
  // A child that leaves before it has read its whole job must not end this process with
  // SIGPIPE: the write fails with EPIPE instead, and the child's exit status says why.
  ::signal(SIGPIPE, SIG_IGN);
}

std::string PdfRenderer::render(const std::string& job) {
  if (!limit_) return documents::render_pdf_job(job);
  HashLimit::Slot turn(*limit_);
  if (!turn.held()) throw render_busy();
  try {
    return render_in_child(job);
  } catch (const ChildFailed& e) {
    spdlog::error("pdf: {}", e.what());
    throw render_failed(e.what());
  }
}

// Writes the job to the child's standard input while reading its standard output and error
// (a child that writes much to stderr never blocks on a full pipe), all within the timeout.
std::string PdfRenderer::render_in_child(const std::string& job) {
  auto [in_read, in_write] = make_pipe();
  auto [out_read, out_write] = make_pipe();
  auto [err_read, err_write] = make_pipe();
  Child child(spawn(processes_.command, in_read.get(), out_write.get(), err_write.get()));
  in_read.reset();
  out_write.reset();
  err_write.reset();
  ::fcntl(in_write.get(), F_SETFL, O_NONBLOCK);

  const auto deadline = std::chrono::steady_clock::now() + processes_.timeout;
  std::string pdf, errors;
  std::size_t written = 0;
  if (job.empty()) in_write.reset();
  while (out_read.get() >= 0 || err_read.get() >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      throw ChildFailed("no PDF after " + std::to_string(processes_.timeout.count()) + " ms: the child was killed");
    pollfd fds[3] = {{in_write.get(), POLLOUT, 0}, {out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    if (::poll(fds, 3, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      throw ChildFailed(std::string("poll: ") + std::strerror(errno));
    }
    if (fds[0].revents & (POLLOUT | POLLERR | POLLHUP)) {
      const ssize_t n = ::write(in_write.get(), job.data() + written, job.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == job.size()) in_write.reset();  // EPIPE: it left
    }
    const std::pair<Fd*, std::string*> readers[] = {{&out_read, &pdf}, {&err_read, &errors}};
    for (int i = 0; i < 2; ++i) {
      if (!(fds[i + 1].revents & (POLLIN | POLLERR | POLLHUP))) continue;
      char buffer[65536];
      const ssize_t n = ::read(readers[i].first->get(), buffer, sizeof buffer);
      if (n > 0) readers[i].second->append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || (errno != EAGAIN && errno != EINTR)) readers[i].first->reset();
    }
  }
  const int status = child.wait();
  if (!errors.empty()) spdlog::warn("pdf: the render process said: {}", errors.substr(0, 2000));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw ChildFailed("the render process ended with " + describe(status));
  if (!pdf.starts_with("%PDF-")) throw ChildFailed("the render process wrote no PDF (" + std::to_string(pdf.size()) + " bytes)");
  return pdf;
}

}  // namespace jinguo::services
