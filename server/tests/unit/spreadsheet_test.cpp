// The spreadsheet readers on real files: .xlsx written by libxlsxwriter and assembled by
// hand, the .xls fixture made with xlwt (tests/fixtures/make_roster_xls.py), CSV in the
// encodings clerks save, and every kind of bad input.
#include <gtest/gtest.h>
#include <iconv.h>

#include "../support/spreadsheet_fixtures.h"
#include "documents/ole.h"
#include "documents/spreadsheet.h"
#include "domain/error.h"

using namespace jinguo::documents;
using namespace jinguo::test;

namespace {

std::string error_code(const std::function<void()>& read) {
  try {
    read();
  } catch (const jinguo::domain::DomainError& e) {
    EXPECT_EQ(e.field(), "file");
    EXPECT_FALSE(e.message_zh().empty());
    return e.code();
  }
  return "";
}

std::string read_error(std::string_view bytes, const ReadLimits& limits = {}) {
  return error_code([&] { read_spreadsheet(bytes, "名册.xlsx", limits); });
}

std::string to_encoding(const std::string& utf8, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = out.size();
  char* out_ptr = out.data();
  iconv(cd, &in, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

const Cell& cell(const Sheet& sheet, std::uint32_t row, std::uint32_t column) {
  for (const auto& r : sheet.rows)
    if (r.number == row) return r.at(column);
  static const Cell kNone{};
  return kNone;
}

// ---- .xlsx from libxlsxwriter --------------------------------------------------------

std::string roster_xlsx(bool constant_memory) {
  return make_xlsx(
      [constant_memory](lxw_workbook* book) {
        lxw_worksheet* sheet = workbook_add_worksheet(book, "执委名册");
        lxw_format* date = workbook_add_format(book);
        format_set_num_format(date, "yyyy-mm-dd");
        lxw_format* chinese_date = workbook_add_format(book);
        format_set_num_format(chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
        lxw_format* builtin_date = workbook_add_format(book);
        format_set_num_format_index(builtin_date, 14);
        lxw_format* elapsed = workbook_add_format(book);
        format_set_num_format(elapsed, "[h]:mm");
        lxw_format* money = workbook_add_format(book);
        format_set_num_format(money, "0.00");
        // constant_memory mode writes rows in order and inline strings; no merging then.
        if (!constant_memory) worksheet_merge_range(sheet, 0, 0, 0, 5, "道里区妇联执委名单", nullptr);
        else worksheet_write_string(sheet, 0, 0, "道里区妇联执委名单", nullptr);
        const char* headings[] = {"姓名", "身份证号", "出生日期", "出生年月", "手机", "合计"};
        for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(sheet, 2, c, headings[c], nullptr);
        worksheet_write_string(sheet, 3, 0, "张丽", nullptr);
        worksheet_write_string(sheet, 3, 1, "11010519491231002X", nullptr);
        worksheet_write_number(sheet, 3, 2, 29222, date);
        worksheet_write_string(sheet, 3, 3, "1980.01", nullptr);
        worksheet_write_number(sheet, 3, 4, 13912345678, nullptr);
        worksheet_write_formula_num(sheet, 3, 5, "=1+1", nullptr, 2);
        worksheet_write_number(sheet, 4, 0, 29222, chinese_date);
        worksheet_write_number(sheet, 4, 1, 29222, builtin_date);
        worksheet_write_number(sheet, 4, 2, 1.5, elapsed);
        worksheet_write_number(sheet, 4, 3, 29222, money);
        worksheet_write_boolean(sheet, 4, 4, 1, nullptr);
        worksheet_write_formula_str(sheet, 4, 5, "=\"a\"&\"b\"", nullptr, "ab");

        lxw_worksheet* notes = workbook_add_worksheet(book, "说明");
        worksheet_write_string(notes, 0, 0, "本表由区妇联填写", nullptr);
        lxw_worksheet* lists = workbook_add_worksheet(book, "下拉列表");
        worksheet_write_string(lists, 0, 0, "汉族", nullptr);
        worksheet_hide(lists);
      },
      constant_memory);
}

class XlsxWriterTest : public testing::TestWithParam<bool> {};

TEST_P(XlsxWriterTest, ReadsSheetsCellsDatesFormulasAndMerges) {
  bool constant_memory = GetParam();
  Workbook book = read_spreadsheet(roster_xlsx(constant_memory), "名册.xls");  // name is ignored
  EXPECT_EQ(book.format, SourceFormat::kXlsx);
  EXPECT_FALSE(book.date1904);
  ASSERT_EQ(book.sheets.size(), 3u);
  EXPECT_EQ(book.sheets[0].name, "执委名册");
  EXPECT_EQ(book.sheets[1].name, "说明");
  EXPECT_EQ(book.sheets[2].name, "下拉列表");
  EXPECT_FALSE(book.sheets[0].hidden);
  EXPECT_TRUE(book.sheets[2].hidden);

  const Sheet& s = book.sheets[0];
  ASSERT_EQ(s.rows.size(), 4u);  // row 2 is blank
  EXPECT_EQ(s.rows[0].number, 1u);
  EXPECT_EQ(s.rows[1].number, 3u);
  EXPECT_EQ(cell(s, 1, 1).text, "道里区妇联执委名单");
  EXPECT_EQ(cell(s, 3, 2).text, "身份证号");
  EXPECT_EQ(cell(s, 4, 1).kind, CellKind::kText);
  EXPECT_EQ(cell(s, 4, 1).text, "张丽");
  EXPECT_EQ(cell(s, 4, 2).text, "11010519491231002X");
  EXPECT_EQ(cell(s, 4, 3).kind, CellKind::kNumber);
  EXPECT_EQ(cell(s, 4, 3).number, 29222);
  EXPECT_TRUE(cell(s, 4, 3).date_formatted);
  EXPECT_EQ(cell(s, 4, 4).text, "1980.01");
  EXPECT_EQ(cell(s, 4, 5).number, 13912345678.0);
  EXPECT_FALSE(cell(s, 4, 5).date_formatted);
  EXPECT_EQ(cell(s, 4, 6).kind, CellKind::kNumber);  // formula: its cached value
  EXPECT_EQ(cell(s, 4, 6).number, 2);
  EXPECT_TRUE(cell(s, 5, 1).date_formatted);   // yyyy"年"m"月"d"日"
  EXPECT_TRUE(cell(s, 5, 2).date_formatted);   // built-in 14
  EXPECT_FALSE(cell(s, 5, 3).date_formatted);  // [h]:mm is a duration
  EXPECT_FALSE(cell(s, 5, 4).date_formatted);  // 0.00
  EXPECT_EQ(cell(s, 5, 5).kind, CellKind::kBool);
  EXPECT_EQ(cell(s, 5, 5).number, 1);
  EXPECT_EQ(cell(s, 5, 6).text, "ab");
  if (!constant_memory) {
    ASSERT_EQ(s.merged.size(), 1u);
    EXPECT_EQ(s.merged[0].first_row, 1u);
    EXPECT_EQ(s.merged[0].last_column, 6u);
    EXPECT_EQ(s.value_at(1, 4).text, "道里区妇联执委名单");
  }
  EXPECT_TRUE(s.value_at(2, 1).text.empty());
  EXPECT_EQ(book.sheets[1].rows[0].at(1).text, "本表由区妇联填写");
}

INSTANTIATE_TEST_SUITE_P(SharedAndInlineStrings, XlsxWriterTest, testing::Bool());

TEST(Xlsx, LargePartsAreReadInSlicesWithNothingLost) {
  // Worksheet and shared strings both well over the 1 MiB slice.
  constexpr int kRows = 40'000;
  std::string bytes = make_xlsx([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "大表");
    worksheet_merge_range(sheet, 0, 0, 0, 2, "标题", nullptr);
    for (int r = 1; r <= kRows; ++r) {
      worksheet_write_string(sheet, r, 0, ("张丽" + std::to_string(r)).c_str(), nullptr);
      worksheet_write_number(sheet, r, 1, r, nullptr);
      worksheet_write_string(sheet, r, 2, ("备注&<>\"" + std::to_string(r)).c_str(), nullptr);
    }
  });
  for (std::size_t slice : {std::size_t{1} << 20, std::size_t{64}}) {
    ReadLimits limits;
    limits.xml_slice_bytes = slice;
    Workbook book = read_xlsx(bytes, limits);
    const Sheet& s = book.sheets.at(0);
    ASSERT_EQ(s.rows.size(), static_cast<std::size_t>(kRows + 1));
    for (int r = 1; r <= kRows; ++r) {
      const Row& row = s.rows[static_cast<std::size_t>(r)];
      ASSERT_EQ(row.number, static_cast<std::uint32_t>(r + 1));
      ASSERT_EQ(row.cells.size(), 3u);
      ASSERT_EQ(row.at(1).text, "张丽" + std::to_string(r));
      ASSERT_EQ(row.at(2).number, r);
      ASSERT_EQ(row.at(3).text, "备注&<>\"" + std::to_string(r));
    }
    ASSERT_EQ(s.merged.size(), 1u);
    EXPECT_EQ(s.merged[0].last_column, 3u);
  }
}

// ---- .xlsx assembled by hand ---------------------------------------------------------

TEST(Xlsx, InlineStringsAndMissingReferences) {
  std::string data =
      "<row><c t=\"inlineStr\"><is><t>姓名</t></is></c><c t=\"inlineStr\"><is><t>性别</t></is></c></row>"
      "<row><c t=\"inlineStr\"><is><r><t>张</t></r><r><t>丽</t></r></is></c><c><v>1</v></c>"
      "<c r=\"E2\"><v>5</v></c><c><v>6</v></c></row>"
      "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>第七行</t></is></c></row>"
      "<row><c t=\"e\"><v>#N/A</v></c></row>";
  Workbook book = read_xlsx(make_zip(xlsx_parts(worksheet(data))));
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "名册");
  ASSERT_EQ(s.rows.size(), 4u);
  EXPECT_EQ(cell(s, 1, 1).text, "姓名");
  EXPECT_EQ(cell(s, 1, 2).text, "性别");
  EXPECT_EQ(cell(s, 2, 1).text, "张丽");
  EXPECT_EQ(cell(s, 2, 2).number, 1);
  EXPECT_EQ(cell(s, 2, 5).number, 5);
  EXPECT_EQ(cell(s, 2, 6).number, 6);
  EXPECT_EQ(cell(s, 7, 2).text, "第七行");
  EXPECT_EQ(cell(s, 8, 1).kind, CellKind::kError);
  EXPECT_EQ(cell(s, 8, 1).text, "#N/A");
}

TEST(Xlsx, RichSharedStringsPhoneticsEscapesAndPrefixedNamespaces) {
  std::string sst = std::string("<sst xmlns=\"") + kMainNs +
                    "\"><si><r><t>道里</t></r><r><rPr><b/></rPr><t>区</t></r><rPh><t>ドウリ</t></rPh></si>"
                    "<si><t>第一行_x000D__x000A_第二行</t></si></sst>";
  std::string sheet = std::string("<x:worksheet xmlns:x=\"") + kMainNs +
                      "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                      "<x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"C1\" t=\"s\"><x:v>99</x:v></x:c>"
                      "</x:row></x:sheetData></x:worksheet>";
  ReadLimits tiny_slices;
  tiny_slices.xml_slice_bytes = 1;
  Workbook book = read_xlsx(make_zip(xlsx_parts(sheet, sst)), tiny_slices);
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(cell(s, 1, 1).text, "道里区");
  EXPECT_EQ(cell(s, 1, 2).text, "第一行\r\n第二行");
  EXPECT_EQ(cell(s, 1, 3).kind, CellKind::kEmpty);  // a shared string that is not there
}

TEST(Xlsx, CustomDateFormatsAnd1904) {
  std::string styles = std::string("<styleSheet xmlns=\"") + kMainNs +
                       "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
                       "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
                       "<numFmt numFmtId=\"166\" formatCode=\"&quot;day&quot;0\"/></numFmts>"
                       "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
                       "<xf numFmtId=\"166\"/><xf numFmtId=\"31\"/></cellXfs></styleSheet>";
  std::string data =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\" s=\"2\"><v>1</v></c>"
      "<c r=\"C1\" s=\"3\"><v>1</v></c><c r=\"D1\" s=\"4\"><v>1</v></c><c r=\"E1\" s=\"99\"><v>1</v></c></row>";
  Workbook book = read_xlsx(make_zip(xlsx_parts(worksheet(data), "", styles, "<workbookPr date1904=\"1\"/>")));
  EXPECT_TRUE(book.date1904);
  const Sheet& s = book.sheets.at(0);
  EXPECT_TRUE(cell(s, 1, 1).date_formatted);
  EXPECT_FALSE(cell(s, 1, 2).date_formatted);
  EXPECT_FALSE(cell(s, 1, 3).date_formatted);  // "day" in quotes is not a date
  EXPECT_TRUE(cell(s, 1, 4).date_formatted);   // built-in 31, yyyy年m月d日 in Chinese Excel
  EXPECT_FALSE(cell(s, 1, 5).date_formatted);  // no such style
}

TEST(Xlsx, TheLastColumnDoesNotWidenEveryRow) {
  std::string data =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>2</v></c><c r=\"XFE1\"><v>3</v></c></row>"
      "<row r=\"1048576\"><c r=\"XFD1048576\"><v>4</v></c></row>";
  std::string merged = "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>";
  Workbook book = read_xlsx(make_zip(xlsx_parts(worksheet(data, merged))));
  const Sheet& s = book.sheets.at(0);
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(s.rows[0].cells.size(), 1u);
  EXPECT_EQ(s.ignored_cells, 3u);
  EXPECT_EQ(s.value_at(500000, 200).number, 1);  // the merged range points at A1, nothing is filled
  EXPECT_EQ(s.value_at(500000, 9000).kind, CellKind::kEmpty);  // right of the columns read
}

TEST(Xlsx, VerticallyMergedUnitsGiveEachRowTheirValue) {
  std::string data =
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>道里区</t></is></c><c r=\"B2\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>南岗区</t></is></c><c r=\"B5\"><v>3</v></c></row>"
      "<row r=\"6\"><c r=\"B6\"><v>4</v></c></row><row r=\"8\"><c r=\"B8\"><v>5</v></c></row>";
  std::string merges;
  for (int r = 100; r < 10'100; ++r)  // ten thousand more, far below, one row each
    merges += "<mergeCell ref=\"C" + std::to_string(r) + ":D" + std::to_string(r) + "\"/>";
  merges = "<mergeCells><mergeCell ref=\"A2:A4\"/><mergeCell ref=\"A5:A7\"/>" + merges + "</mergeCells>";
  Workbook book = read_xlsx(make_zip(xlsx_parts(worksheet(data, merges))));
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.merged.size(), 10'000u);  // the rest ignored
  EXPECT_EQ(s.value_at(3, 1).text, "道里区");
  EXPECT_EQ(s.value_at(4, 1).text, "道里区");
  EXPECT_EQ(s.value_at(6, 1).text, "南岗区");
  EXPECT_EQ(s.value_at(8, 1).kind, CellKind::kEmpty);
  EXPECT_EQ(s.value_at(6, 2).number, 4);
}

TEST(Xlsx, DoctypeAndEntitiesAreRefused) {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;&xxe;</t></is></c></row></sheetData></worksheet>";
  EXPECT_EQ(read_error(make_zip(xlsx_parts(laughs))), "file_corrupt");
}

TEST(Xlsx, MalformedXmlIsCorrupt) {
  EXPECT_EQ(read_error(make_zip(xlsx_parts("<worksheet><sheetData><row>"))), "file_corrupt");
}

TEST(Xlsx, ZipBombIsRefusedBeforeInflating) {
  // 8 MiB of spaces deflate to a few KiB: refused by its ratio under the default limits.
  std::string padding(8u << 20, ' ');
  auto bomb = make_zip(xlsx_parts(worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + padding)));
  EXPECT_LT(bomb.size(), 100'000u);
  EXPECT_EQ(read_error(bomb), "file_too_large");
  // And by the expansion budget, whatever the ratio.
  ReadLimits small;
  small.max_uncompressed_bytes = 1u << 20;
  small.max_compression_ratio = 1u << 30;
  EXPECT_EQ(read_error(bomb, small), "file_too_large");
}

TEST(Xlsx, ADeclaredSizeThatLiesIsCaughtWhileInflating) {
  std::string data = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(100'000, ' ');
  std::string zip = make_zip(xlsx_parts(worksheet(data)));
  std::string name = "xl/worksheets/sheet1.xml";
  // Say the worksheet inflates to 1,000 bytes, in its local header and in the directory.
  auto patch = [&](std::string_view signature, std::size_t size_offset, std::size_t name_offset) {
    for (std::size_t at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 4)) {
      if (zip.compare(at + name_offset, name.size(), name) != 0) continue;
      zip[at + size_offset] = static_cast<char>(1000 & 0xFF);
      zip[at + size_offset + 1] = static_cast<char>(1000 >> 8);
      zip[at + size_offset + 2] = 0;
      zip[at + size_offset + 3] = 0;
    }
  };
  patch("PK\x03\x04", 22, 30);
  patch("PK\x01\x02", 24, 46);
  auto code = read_error(zip);
  EXPECT_TRUE(code == "file_too_large" || code == "file_corrupt") << code;
}

TEST(Xlsx, CorruptZips) {
  std::string good = make_zip(xlsx_parts(worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")));
  EXPECT_EQ(read_error(good.substr(0, good.size() / 2)), "file_corrupt");
  EXPECT_EQ(read_error(std::string("PK\x03\x04", 4) + std::string(200, 'x')), "file_corrupt");
  std::string flipped = good;
  flipped[flipped.find("PK\x01\x02") - 20] ^= 0x55;  // inside the last entry's data
  EXPECT_NE(read_error(flipped), "");
}

TEST(Xlsx, ZipsThatAreNotWorkbooks) {
  EXPECT_EQ(read_error(make_zip({{"word/document.xml", "<document/>"}})), "file_not_spreadsheet");
  EXPECT_EQ(read_error(make_zip({{"xl/workbook.bin", "binary"}})), "file_not_spreadsheet");
}

TEST(Xlsx, TooManyRows) {
  std::string data;
  for (int r = 1; r <= 11; ++r) data += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
  ReadLimits limits;
  limits.max_rows = 10;
  EXPECT_EQ(read_error(make_zip(xlsx_parts(worksheet(data))), limits), "too_many_rows");
  limits.max_rows = 11;
  EXPECT_EQ(read_error(make_zip(xlsx_parts(worksheet(data))), limits), "");
  limits.max_cells = 10;
  EXPECT_EQ(read_error(make_zip(xlsx_parts(worksheet(data))), limits), "too_many_cells");
}

// ---- OLE2: .xls and encrypted workbooks ----------------------------------------------

TEST(Xls, ReadsTheXlwtFixture) {
  std::string bytes = read_file(JINGUO_SOURCE_DIR "/server/tests/fixtures/roster.xls");
  ASSERT_FALSE(bytes.empty());
  Workbook book = read_spreadsheet(bytes, "roster.xlsx");  // content decides, not the name
  EXPECT_EQ(book.format, SourceFormat::kXls);
  ASSERT_EQ(book.sheets.size(), 2u);
  EXPECT_EQ(book.sheets[0].name, "执委名册");
  EXPECT_EQ(book.sheets[1].name, "说明");
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(cell(s, 1, 1).text, "道里区妇联执委名单");
  EXPECT_EQ(cell(s, 3, 2).text, "身份证号");
  EXPECT_EQ(cell(s, 4, 1).text, "张丽");
  EXPECT_EQ(cell(s, 4, 2).text, "11010519491231002X");
  EXPECT_EQ(cell(s, 4, 3).text, "1980.01");
  EXPECT_EQ(cell(s, 4, 5).kind, CellKind::kNumber);
  EXPECT_EQ(cell(s, 4, 5).number, 13912345678.0);
  EXPECT_EQ(cell(s, 4, 6).text, "2016-06-01");  // a date cell, as ISO text
  EXPECT_EQ(cell(s, 5, 5).number, 2.5);
  EXPECT_EQ(cell(s, 7, 1).text, "填表人：刘洋");
  EXPECT_EQ(book.sheets[1].rows.at(0).at(1).text, "本表由区妇联填写");
}

TEST(Xls, AHugeDeclaredGridIsRefusedBeforeFreeXlAllocatesIt) {
  std::string bytes = read_file(JINGUO_SOURCE_DIR "/server/tests/fixtures/roster.xls");
  auto stream = jinguo::documents::detail::ole_stream(bytes, "workbook");
  ASSERT_TRUE(stream);
  EXPECT_EQ(stream->substr(0, 2), std::string("\x09\x08", 2));  // BIFF8 BOF
  EXPECT_EQ(jinguo::documents::detail::biff_declared_cells(*stream), 7u * 6u + 1u);
  // The first sheet's DIMENSIONS (00 02, 14 bytes) said to reach IV65536, as a stray
  // value in the last cell makes it: FreeXL would allocate 16.7 million cells.
  auto at = bytes.find(std::string("\x00\x02\x0E\x00", 4));
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at + 8, 4, std::string("\x00\x00\x01\x00", 4));
  bytes.replace(at + 14, 2, std::string("\x00\x01", 2));
  EXPECT_EQ(read_error(bytes), "too_many_cells");
  EXPECT_FALSE(jinguo::documents::detail::ole_stream(bytes.substr(0, 600), "Workbook"));
}

TEST(Xls, EncryptedWorkbookInAnOleContainer) {
  EXPECT_EQ(read_error(make_ole({"EncryptionInfo", "EncryptedPackage"})), "file_encrypted");
  EXPECT_EQ(read_error(make_ole({"EncryptedPackage"})), "file_encrypted");
}

TEST(Xls, PasswordProtectedXls) {
  // The fixture with its INTERFACEHDR record (E1 00, 2 bytes) turned into FILEPASS (2F 00):
  // what a workbook saved with a password to open carries.
  std::string bytes = read_file(JINGUO_SOURCE_DIR "/server/tests/fixtures/roster.xls");
  auto at = bytes.find(std::string("\xE1\x00\x02\x00", 4));
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 0x2F;
  EXPECT_EQ(read_error(bytes), "file_encrypted");
}

TEST(Xls, OleWithoutAWorkbook) {
  auto code = read_error(make_ole({"WordDocument"}));
  EXPECT_TRUE(code == "file_corrupt" || code == "file_not_spreadsheet") << code;
  auto truncated = read_file(JINGUO_SOURCE_DIR "/server/tests/fixtures/roster.xls").substr(0, 1000);
  EXPECT_EQ(read_error(truncated), "file_corrupt");
}

TEST(Xls, TheTemporaryFileIsRemoved) {
  auto temp = std::filesystem::temp_directory_path();
  auto count = [&] {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(temp))
      if (e.path().filename().string().starts_with("jinguo-xls-")) ++n;
    return n;
  };
  std::size_t before = count();
  read_spreadsheet(read_file(JINGUO_SOURCE_DIR "/server/tests/fixtures/roster.xls"), "");
  read_error(make_ole({"WordDocument"}));
  EXPECT_EQ(count(), before);
}

// ---- CSV -----------------------------------------------------------------------------

const std::string kRosterCsv =
    "姓名,性别,工作单位及职务,备注\r\n"
    "张丽,女,\"道里区妇联,主席\",\"多行\n备注\"\r\n"
    "\r\n"
    "\"王\"\"芳\",女,,\r\n";

void expect_roster(const Workbook& book) {
  EXPECT_EQ(book.format, SourceFormat::kCsv);
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& s = book.sheets[0];
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(cell(s, 1, 1).text, "姓名");
  EXPECT_EQ(cell(s, 1, 4).text, "备注");
  EXPECT_EQ(cell(s, 2, 3).text, "道里区妇联,主席");
  EXPECT_EQ(cell(s, 2, 4).text, "多行\n备注");
  EXPECT_EQ(s.rows[2].number, 4u);  // the blank third record is left out, numbers kept
  EXPECT_EQ(cell(s, 4, 1).text, "王\"芳");
  EXPECT_EQ(cell(s, 4, 3).kind, CellKind::kEmpty);
}

struct CsvCase {
  const char* name;
  std::string bytes;
};

class CsvEncodingTest : public testing::TestWithParam<CsvCase> {};

TEST_P(CsvEncodingTest, ReadsTheSameRoster) { expect_roster(read_spreadsheet(GetParam().bytes, "名册.csv")); }

INSTANTIATE_TEST_SUITE_P(
    Csv, CsvEncodingTest,
    testing::Values(CsvCase{"utf8", kRosterCsv}, CsvCase{"utf8_bom", "\xEF\xBB\xBF" + kRosterCsv},
                    CsvCase{"gb18030", to_encoding(kRosterCsv, "GB18030")},
                    CsvCase{"utf16le_bom", "\xFF\xFE" + to_encoding(kRosterCsv, "UTF-16LE")},
                    CsvCase{"excel_sep_hint", "sep=,\r\n" + kRosterCsv}),
    [](const auto& info) { return info.param.name; });

TEST(Csv, GbkBytesAreReallyDifferent) {
  EXPECT_NE(to_encoding(kRosterCsv, "GB18030"), kRosterCsv);
  EXPECT_EQ(to_encoding("姓名", "GB18030"), "\xD0\xD5\xC3\xFB");
}

TEST(Csv, TabSeparated) {
  Workbook book = read_csv("姓名\t性别\t单位\n张丽\t女\t哈尔滨市,道里区\n");
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(cell(s, 2, 3).text, "哈尔滨市,道里区");
  EXPECT_EQ(cell(s, 1, 2).text, "性别");
}

TEST(Csv, BadInput) {
  EXPECT_EQ(read_error("姓名,性别\n\"张丽,女\n"), "file_corrupt");  // unterminated quote
  EXPECT_EQ(read_error("\x80\xFF\xFE\x81,\xFF\n"), "file_encoding");
  EXPECT_EQ(read_error("\xEF\xBB\xBF\xFF\xFE"), "file_encoding");  // a BOM, then not UTF-8
  EXPECT_EQ(read_error(std::string("ab\0cd", 5)), "file_not_spreadsheet");
  ReadLimits limits;
  limits.max_rows = 2;
  EXPECT_EQ(read_error("a\nb\nc\n", limits), "too_many_rows");
}

TEST(Csv, ColumnsPastTheLimitAreIgnored) {
  std::string line = "a";
  for (int i = 0; i < 20000; ++i) line += ",x";
  Workbook book = read_csv(line + "\n");
  EXPECT_EQ(book.sheets[0].rows[0].cells.size(), 256u);
  EXPECT_EQ(book.sheets[0].ignored_cells, 20001u - 256u);
}

// ---- detection by content ------------------------------------------------------------

TEST(Detect, NotSpreadsheets) {
  EXPECT_EQ(read_error(""), "file_not_spreadsheet");
  EXPECT_EQ(read_error("%PDF-1.7\n..."), "file_not_spreadsheet");
  EXPECT_EQ(read_error("\x89PNG\r\n\x1A\n"), "file_not_spreadsheet");
  EXPECT_EQ(read_error("<html><body><table><tr><td>姓名</td></tr></table></body></html>"),
            "file_not_spreadsheet");
  EXPECT_EQ(read_error("\xEF\xBB\xBF <?xml version=\"1.0\"?><Workbook/>"), "file_not_spreadsheet");
}

TEST(Detect, TooLarge) {
  ReadLimits limits;
  limits.max_input_bytes = 10;
  EXPECT_EQ(read_error("姓名,性别,民族\n", limits), "file_too_large");
  EXPECT_EQ(error_code([] { read_spreadsheet(std::string((20u << 20) + 1, 'a'), "x.csv"); }), "file_too_large");
}

TEST(Detect, ColumnLetters) {
  EXPECT_EQ(column_from_letters("A"), 1u);
  EXPECT_EQ(column_from_letters("z"), 26u);
  EXPECT_EQ(column_from_letters("AA"), 27u);
  EXPECT_EQ(column_from_letters("XFD"), 16384u);
  EXPECT_EQ(column_from_letters("XFE"), 0u);
  EXPECT_EQ(column_from_letters("AAAA"), 0u);
  EXPECT_EQ(column_from_letters("A1"), 0u);
}

}  // namespace
