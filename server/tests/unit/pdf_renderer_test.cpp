// PDFs drawn in a child process (services/pdf_renderer.h): the job crosses the pipe and back
// (documents/pdf_job.h), and every way a child can fail ends in one clear refusal, never a
// hang or a dead server: it exits non-zero, leaves without reading its job, writes something
// that is not a PDF, runs past its time, cannot be started, or all turns are taken.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "documents/pdf_job.h"
#include "domain/error.h"
#include "services/pdf_renderer.h"

namespace {

using jinguo::domain::DomainError;
using jinguo::domain::ErrorKind;
using jinguo::services::PdfRenderer;
using jinguo::services::RenderProcesses;
using namespace std::chrono_literals;
namespace documents = jinguo::documents;

documents::FormTable small_form() {
  documents::FormTable form;
  form.title = "妇联组织基本情况表";
  form.subtitle = "填报单位：道里区妇联";
  form.columns = 2;
  form.headings = {{"单位"}, {"执委人数", 0, 1}};
  form.numeric = {false, true};
  form.widths = {10, 6};
  form.rows = {{"新农镇妇联", "12"}};
  form.footer = {"填表人："};
  return form;
}

PdfRenderer shell(const std::string& script, std::chrono::milliseconds timeout = 60s) {
  RenderProcesses p;
  p.command = {"/bin/sh", "-c", script};
  p.at_once = 1;
  p.patience = 0ms;
  p.timeout = timeout;
  return PdfRenderer(p);
}

// The refusal a failed child gives: a 500 with a message that says what failed.
void expect_render_failed(PdfRenderer& renderer, const std::string& job) {
  try {
    renderer.render(job);
    ADD_FAILURE() << "no refusal";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kInternal);
    EXPECT_EQ(e.code(), "render_failed");
    EXPECT_EQ(e.message_zh(), "生成PDF文件失败（排版进程出错），请稍后再试；如仍失败请联系管理员");
  }
}

TEST(PdfJob, EachKindIsDrawnFromItsText) {
  const auto form = documents::render_pdf_job(documents::pdf_job(small_form()));
  EXPECT_TRUE(form.starts_with("%PDF-"));
  documents::CertificateSheet sheet{"任职证书", "哈道妇证〔2016〕第0001号", "兹聘任王秀英同志为执委。", "道里区妇联",
                                    "2016年6月20日", "https://example.org/v/ABC", "ABC"};
  EXPECT_TRUE(documents::render_pdf_job(documents::pdf_job(std::vector{sheet})).starts_with("%PDF-"));
  documents::NoticePoster poster;
  poster.title = "招募执委";
  poster.organisation_name = "新农镇妇联";
  poster.places = {{"执委", 2}};
  poster.deadline = "2016年5月31日";
  poster.url = "https://example.org/n/x";
  EXPECT_TRUE(documents::render_pdf_job(documents::pdf_job(poster)).starts_with("%PDF-"));
  poster.contact = "0451-1234567";
  EXPECT_TRUE(documents::render_pdf_job(documents::pdf_job(poster)).starts_with("%PDF-"));
}

TEST(PdfJob, TextThatIsNotAJobIsRefused) {
  EXPECT_THROW(documents::render_pdf_job("not json"), std::invalid_argument);
  EXPECT_THROW(documents::render_pdf_job(R"({"kind": "letter", "document": {}})"), std::invalid_argument);
  EXPECT_THROW(documents::render_pdf_job(R"({"kind": "form", "document": {"title": 1}})"), std::invalid_argument);
  // A job the writer itself refuses (no certificate) stays the writer's refusal.
  EXPECT_THROW(documents::render_pdf_job(documents::pdf_job(std::vector<documents::CertificateSheet>{})),
               std::invalid_argument);
}

TEST(PdfRenderer, InThisProcessByDefault) {
  PdfRenderer renderer;
  EXPECT_FALSE(renderer.in_child_processes());
  EXPECT_TRUE(renderer.render(documents::pdf_job(small_form())).starts_with("%PDF-"));
}

TEST(PdfRenderer, TheChildsPdfComesBackWhole) {
  // A stand-in for `jinguo render`: reads its job, answers a PDF's first bytes and 200 KiB more.
  auto renderer = shell("cat >/dev/null; printf '%%PDF-1.5 '; head -c 204800 /dev/zero");
  EXPECT_TRUE(renderer.in_child_processes());
  const auto pdf = renderer.render(documents::pdf_job(small_form()));
  EXPECT_TRUE(pdf.starts_with("%PDF-1.5 "));
  EXPECT_EQ(pdf.size(), 9u + 204800u);
}

TEST(PdfRenderer, AChildThatFailsIsRefusedWithAClearMessage) {
  auto fails = shell("cat >/dev/null; echo 'render: no fonts' >&2; exit 1");
  expect_render_failed(fails, documents::pdf_job(small_form()));
  // Much on stderr does not block it: read alongside its output.
  auto chatty = shell("cat >/dev/null; head -c 300000 /dev/zero >&2; exit 1");
  expect_render_failed(chatty, "{}");
}

TEST(PdfRenderer, AChildThatLeavesWithoutReadingItsJobDoesNotEndTheServer) {
  auto leaves = shell("exit 0");
  expect_render_failed(leaves, std::string(4 << 20, 'x'));  // more than a pipe holds: EPIPE, not SIGPIPE
}

TEST(PdfRenderer, WhatIsNotAPdfIsRefused) {
  auto echoes = shell("cat");
  expect_render_failed(echoes, documents::pdf_job(small_form()));
}

TEST(PdfRenderer, AChildPastItsTimeIsKilled) {
  auto hangs = shell("cat >/dev/null; exec sleep 600", 200ms);
  expect_render_failed(hangs, "{}");
}

TEST(PdfRenderer, AProgramThatCannotStartIsRefused) {
  RenderProcesses p;
  p.command = {"/nonexistent/jinguo", "render"};
  PdfRenderer missing(p);
  expect_render_failed(missing, "{}");
}

TEST(PdfRenderer, WithEveryTurnTakenTheNextIsToldTheServerIsBusy) {
  const std::string fifo = testing::TempDir() + "pdf_renderer_test_fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The first holds the only turn until the test writes to the fifo.
  auto renderer = shell("cat >/dev/null; read line < '" + fifo + "'; printf '%%PDF-1.5'");
  std::string first;
  std::thread holder([&] { first = renderer.render("{}"); });
  while (renderer.busy() == 0) std::this_thread::yield();
  try {
    renderer.render("{}");
    ADD_FAILURE() << "a second render while the only turn is taken";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBusy);
    EXPECT_EQ(e.message_zh(), "正在生成的PDF文件过多，请稍后再试");
  }
  std::ofstream(fifo) << "go\n";
  holder.join();
  EXPECT_EQ(first, "%PDF-1.5");
  std::remove(fifo.c_str());
}

}  // namespace
