// The form printout read back with poppler-utils (pdfinfo, pdftotext, pdffonts): A4 in the
// orientation asked for, the title, headings and values on the page, the header grid again
// on every page, rows never split, the footer after the last row, "第 N 页 共 M 页" on each
// page, and the Noto CJK fonts embedded.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "documents/form_table.h"
#include "documents/temp_folder.h"

using namespace jinguo;
using documents::FormHeading;
using documents::FormTable;

namespace {

const std::vector<std::string> kFooter = {"填报单位（盖章）：", "填表人：", "审核人：", "联系电话：", "填报日期："};

FormTable small_form() {
  FormTable form;
  form.title = "妇联组织基本情况表";
  form.subtitle = "填报单位：道里区妇联    统计日期：2016年9月20日";
  form.columns = 3;
  form.headings = {{"单位"}, {"执委人数", 0, 1}, {"备注", 0, 2}};
  form.numeric = {false, true, false};
  form.widths = {10, 6, 12};
  form.rows = {{"新农镇妇联", "1,234", "无"}, {"太平镇妇联", "56", ""}};
  form.totals = {"合计", "1,290", ""};
  form.footer = kFooter;
  return form;
}

// 附表4's shape: three header rows, headings merged across rows and columns, landscape.
FormTable appendix4_form() {
  FormTable form;
  form.title = "附表4  扩大基层妇联组织成员情况统计表";
  form.subtitle = "填报单位：道里区妇联    统计日期：2016年9月20日（基线：2016年6月1日）";
  form.header_rows = 3;
  form.columns = 9;
  form.landscape = true;
  form.headings = {{"单位", 0, 0, 3, 1},   {"执委总数", 0, 1, 3, 1}, {"其中", 0, 2, 1, 6}, {"备注", 0, 8, 3, 1},
                   {"按来源", 1, 2, 1, 3}, {"按年龄", 1, 5, 1, 3},   {"专职", 2, 2},       {"兼职", 2, 3},
                   {"挂职", 2, 4},         {"35岁及以下", 2, 5},     {"36至50岁", 2, 6},   {"51岁及以上", 2, 7}};
  form.numeric = {false, true, true, true, true, true, true, true, false};
  form.widths = {14, 6, 5, 5, 5, 6, 6, 6, 16};
  for (int i = 1; i <= 6; ++i)
    form.rows.push_back({"新农镇妇联" + std::to_string(i), "1,234", "12", "1,200", "22", "300", "634", "300", ""});
  form.totals = {"合计", "7,404", "72", "7,200", "132", "1,800", "3,804", "1,800", ""};
  form.footer = kFooter;
  return form;
}

// One row a person: `people` rows, one header row, portrait.
FormTable roster_form(int people) {
  FormTable form;
  form.title = "附表2  基层妇联执委名册";
  form.subtitle = "填报单位：二八镇妇联";
  form.columns = 6;
  form.headings = {{"序号"}, {"姓名", 0, 1}, {"民族", 0, 2}, {"出生年月", 0, 3}, {"政治面貌", 0, 4}, {"职务", 0, 5}};
  form.numeric = {true, false, false, false, false, false};
  form.widths = {3, 6, 4, 6, 6, 12};
  for (int i = 1; i <= people; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "成员%04d", i);
    form.rows.push_back({std::to_string(i), name, "汉族", "1980.01", "中共党员",
                         i % 17 == 5 ? "村妇联主席兼村党支部委员会委员兼村务监督委员会委员" : "执委"});
  }
  form.footer = kFooter;
  return form;
}

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
  return out;
}

std::vector<std::string> split_pages(const std::string& text) {
  std::vector<std::string> pages;
  std::stringstream in(text);
  for (std::string page; std::getline(in, page, '\f');) pages.push_back(page);
  if (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) pages.pop_back();
  return pages;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A PDF written to a private folder and read back by poppler-utils, each tool run when asked.
class ReadBack {
 public:
  explicit ReadBack(const std::string& pdf) : folder_(std::make_unique<documents::TempFolder>()) {
    file_ = (folder_->path() / "form.pdf").string();
    std::ofstream(file_, std::ios::binary) << pdf;
  }

  std::string info() const { return tool("pdfinfo"); }
  int page_count() const {
    const auto text = info();
    std::smatch m;
    return std::regex_search(text, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
  }
  // pdftotext -layout, a text a page, with the spaces taken out (it guesses spaces between
  // CJK characters from their distance: "第 1 页" may come back as "第1页").
  std::vector<std::string> pages() const {
    auto text = tool("pdftotext -layout", " -");
    std::erase(text, ' ');
    return split_pages(text);
  }
  std::string all_text() const {
    std::string all;
    for (const auto& page : pages()) all += page;
    return all;
  }
  std::string fonts() const { return tool("pdffonts"); }
  // Each word with its box: <word xMin=".." yMin=".." xMax=".." yMax="..">word</word>
  std::string words() const { return tool("pdftotext -bbox", " -"); }

 private:
  std::string tool(const std::string& command, const std::string& after = "") const {
    return run(command + " '" + file_ + "'" + after + " 2>&1");
  }

  std::unique_ptr<documents::TempFolder> folder_;
  std::string file_;
};

std::string folio(int page, int pages) {
  return "第" + std::to_string(page) + "页共" + std::to_string(pages) + "页";  // spaces taken out
}

TEST(FormPdf, SmallFormIsOnePortraitA4PageWithItsFontsEmbedded) {
  const ReadBack back(documents::write_form_pdf(small_form()));
  const auto info = back.info();
  EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
  EXPECT_NE(info.find("595.28 x 841.89 pts (A4)"), std::string::npos) << info;
  const auto text = back.all_text();
  for (const char* expected :
       {"妇联组织基本情况表", "填报单位：道里区妇联", "单位", "执委人数", "备注", "新农镇妇联", "1,234", "太平镇妇联",
        "合计", "1,290", "填报单位（盖章）：", "填表人：", "审核人：", "联系电话：", "填报日期："})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  EXPECT_NE(text.find(folio(1, 1)), std::string::npos) << text;

  const auto fonts = back.fonts();
  EXPECT_NE(fonts.find("NotoSansCJKsc-Regular"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSansCJKsc-Bold"), std::string::npos) << fonts;  // the totals row
  std::stringstream lines(fonts);
  int noto = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("Noto") == std::string::npos) continue;
    ++noto;
    std::vector<std::string> columns;
    std::stringstream words(line);
    for (std::string word; words >> word;) columns.push_back(word);
    ASSERT_GE(columns.size(), 5u) << line;
    EXPECT_EQ(columns[columns.size() - 5], "yes") << "not embedded: " << line;  // emb sub uni object-ID
  }
  EXPECT_GE(noto, 2) << fonts;
}

TEST(FormPdf, ThreeHeaderRowsWithMergesOnLandscapeA4) {
  const ReadBack back(documents::write_form_pdf(appendix4_form()));
  const auto info = back.info();
  EXPECT_EQ(back.page_count(), 1) << info;
  EXPECT_NE(info.find("841.89 x 595.28 pts (A4)"), std::string::npos) << info;
  const auto text = back.all_text();
  for (const char* expected : {"附表4", "扩大基层妇联组织成员情况统计表", "其中", "按来源", "按年龄", "专职", "兼职",
                               "挂职", "35岁及以下", "36至50岁", "51岁及以上", "执委总数", "新农镇妇联6", "7,404"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  // "其中" spans six columns and is centred over them, far right of "兼职" below it.
  const auto words = back.words();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(words, m, std::regex(R"re(xMin="([\d.]+)"[^>]*>其中<)re")));
  const double spanning = std::stod(m[1]);
  ASSERT_TRUE(std::regex_search(words, m, std::regex(R"re(xMin="([\d.]+)"[^>]*>兼职<)re")));
  EXPECT_GT(spanning, std::stod(m[1]) + 100);
}

TEST(FormPdf, ManyRowsRepeatTheHeaderOnEveryPage) {
  const int people = 120;
  const ReadBack back(documents::write_form_pdf(roster_form(people)));
  const auto pages = back.pages();
  const int count_of_pages = back.page_count();
  ASSERT_GE(count_of_pages, 3);
  ASSERT_EQ(static_cast<int>(pages.size()), count_of_pages);
  for (int page = 1; page <= count_of_pages; ++page) {
    const auto& text = pages[static_cast<std::size_t>(page - 1)];
    EXPECT_NE(text.find(folio(page, count_of_pages)), std::string::npos) << "page " << page << "\n" << text;
    for (const char* heading : {"序号", "姓名", "出生年月", "政治面貌", "职务"})
      EXPECT_NE(text.find(heading), std::string::npos) << heading << " on page " << page;
    EXPECT_EQ(text.find("附表2") != std::string::npos, page == 1) << "the title on page " << page;
    EXPECT_EQ(text.find("填表人：") != std::string::npos, page == count_of_pages) << "the footer on page " << page;
  }
  // Each person once, in order, whole on one page (a wrapped 职务 keeps its two lines together).
  std::string all;
  for (const auto& page : pages) all += page;
  std::size_t at = 0;
  for (int i = 1; i <= people; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "成员%04d", i);
    EXPECT_EQ(count(all, name), 1u) << name;
    const auto found = all.find(name, at);
    ASSERT_NE(found, std::string::npos) << name << " out of order";
    at = found;
  }
  for (const auto& page : pages)
    EXPECT_EQ(count(page, "村妇联主席兼村党支部"), count(page, "委员兼村务监督委员会委员"));
  // The footer comes after the last row.
  EXPECT_GT(pages.back().find("填报单位（盖章）："), pages.back().find("成员0120"));
}

TEST(FormPdf, LongTextWrapsInsideItsCellAndFormulaTextStaysText) {
  auto form = small_form();
  const std::string long_text =
      "该镇妇联于二〇一六年完成换届选举，新一届执委会由村妇联主席、女企业家、女致富带头人、"
      "巾帼志愿者等各方面代表组成，覆盖全镇二十三个行政村和六个社区";
  form.rows.push_back({"=SUM(A1:B2)", "+7", long_text});
  form.rows.push_back({"<b>&amp;</b>", "-1", "@备注"});
  const ReadBack back(documents::write_form_pdf(form));
  EXPECT_EQ(back.page_count(), 1);
  const auto text = back.all_text();
  for (const char* expected : {"=SUM(A1:B2)", "+7", "<b>&amp;</b>", "-1", "@备注", "该镇妇联于二〇一六年"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  EXPECT_EQ(text.find(long_text), std::string::npos) << "the long text should wrap";
  // Every word lies within the page's margins (15 mm = 42.5 pt): nothing runs off the page.
  const auto words = back.words();
  const std::regex box(R"re(xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)")re");
  int boxes = 0;
  for (std::sregex_iterator it(words.begin(), words.end(), box), end; it != end; ++it) {
    ++boxes;
    EXPECT_GE(std::stod((*it)[1]), 42.0) << it->str();
    EXPECT_LE(std::stod((*it)[2]), 595.28 - 42.0) << it->str();
  }
  EXPECT_GT(boxes, 20);
}

TEST(FormPdf, FooterThatDoesNotFitTakesTheLastRowToANewPage) {
  // How many rows fill the first page when there is no footer.
  auto without_footer = roster_form(60);
  without_footer.footer.clear();
  const int full = static_cast<int>(count(ReadBack(documents::write_form_pdf(without_footer)).pages().at(0), "成员"));
  ASSERT_GT(full, 20);

  // With the footer, those rows leave it no room: it takes the last of them along.
  const ReadBack back(documents::write_form_pdf(roster_form(full)));
  const auto pages = back.pages();
  ASSERT_EQ(pages.size(), 2u);
  char last[32];
  std::snprintf(last, sizeof last, "成员%04d", full);
  EXPECT_EQ(pages[0].find(last), std::string::npos);
  EXPECT_NE(pages[0].find("成员0001"), std::string::npos);
  EXPECT_NE(pages[1].find(last), std::string::npos);
  EXPECT_NE(pages[1].find("姓名"), std::string::npos);  // the header grid above it
  EXPECT_NE(pages[1].find("填表人："), std::string::npos);
  EXPECT_EQ(pages[0].find("填表人："), std::string::npos);
  EXPECT_NE(pages[1].find(folio(2, 2)), std::string::npos);
}

double cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

TEST(FormPdf, TwoThousandRowsRenderQuickly) {
  const auto form = roster_form(2000);
  documents::write_form_pdf(small_form());  // fontconfig's first look at the fonts is not the writer's time
  // Processor time, not wall time: the machine may be busy with other work.
  const double start = cpu_seconds();
  const auto pdf = documents::write_form_pdf(form);
  EXPECT_LT(cpu_seconds() - start, 1.0);
  EXPECT_LT(pdf.size(), 2'000'000u);
  const auto count_at = pdf.find("/Count ");  // the page tree's page count
  ASSERT_NE(count_at, std::string::npos);
  EXPECT_GT(std::stoi(pdf.substr(count_at + 7, 6)), 40);
}

TEST(FormPdf, RejectsAShapeThatDoesNotHoldTogether) {
  auto form = small_form();
  form.rows[1].pop_back();
  EXPECT_THROW(documents::write_form_pdf(form), std::invalid_argument);

  form = appendix4_form();
  form.headings.pop_back();  // a cell of the header grid left uncovered
  EXPECT_THROW(documents::write_form_pdf(form), std::invalid_argument);

  form = appendix4_form();
  form.headings.push_back({"重叠", 2, 2});
  EXPECT_THROW(documents::write_form_pdf(form), std::invalid_argument);

  form = small_form();
  form.widths.pop_back();
  EXPECT_THROW(documents::write_form_pdf(form), std::invalid_argument);
}

}  // namespace
