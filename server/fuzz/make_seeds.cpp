// Writes the fuzzers' seed corpus into <dir>/xlsx, <dir>/csv and <dir>/import_values:
// small real files made now with libxlsxwriter and libzip, and typed values.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "stored_zip.h"
#include "support/spreadsheet_fixtures.h"

namespace {

void write(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jinguo;
  if (argc != 2) {
    std::cerr << "usage: make_seeds DIR\n";
    return 2;
  }
  std::filesystem::path root(argv[1]);
  auto xlsx = root / "xlsx";
  write(xlsx, "writer.xlsx", test::make_xlsx([](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "名册");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    worksheet_merge_range(sheet, 0, 0, 0, 3, "执委名单", nullptr);
    worksheet_write_string(sheet, 1, 0, "姓名", nullptr);
    worksheet_write_string(sheet, 1, 1, "出生日期", nullptr);
    worksheet_write_string(sheet, 2, 0, "张丽", nullptr);
    worksheet_write_number(sheet, 2, 1, 29222, date);
    worksheet_write_formula_num(sheet, 2, 2, "=1+1", nullptr, 2);
    worksheet_write_boolean(sheet, 2, 3, 1, nullptr);
    workbook_add_worksheet(book, "说明");
  }));
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>29222</v></c>"
      "<c t=\"inlineStr\"><is><r><t>张</t></r><r><t>丽_x000D_</t></r></is></c></row>"
      "<row><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c><c r=\"XFD2\" t=\"str\"><v>x</v></c></row>";
  std::string merges = "<mergeCells><mergeCell ref=\"A1:B2\"/></mergeCells>";
  std::string sst = std::string("<sst xmlns=\"") + test::kMainNs + "\"><si><t>姓名</t></si><si><r><t>a</t></r><rPh><t>b</t></rPh></si></sst>";
  std::string styles = std::string("<styleSheet xmlns=\"") + test::kMainNs +
                       "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy.mm\"/></numFmts>"
                       "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
  write(xlsx, "hand.xlsx", test::make_zip(test::xlsx_parts(test::worksheet(rows, merges), sst, styles)));
  write(xlsx, "parts.txt",
        test::worksheet(rows, merges) + std::string(fuzz::kPartSeparator) + sst + std::string(fuzz::kPartSeparator) + styles);

  auto csv = root / "csv";
  std::string roster = "姓名,性别,单位\r\n张丽,女,\"道里区,妇联\"\r\n\r\n\"王\"\"芳\",女,\"多\n行\"\r\n";
  write(csv, "utf8.csv", roster);
  write(csv, "bom.csv", "\xEF\xBB\xBF" + roster);
  write(csv, "gbk.csv", "\xD0\xD5\xC3\xFB,\xD0\xD4\xB1\xF0\r\n\xD5\xC5,\xC5\xAE\r\n");
  write(csv, "utf16.txt", std::string("\xFF\xFE" "a\0\t\0b\0\n\0", 10));
  write(csv, "tabs.txt", "sep=\t\n姓名\t性别\n张丽\t女\n");

  auto values = root / "import_values";
  const char* texts[] = {"1980年1月2日", "1980.01", "19800102", "11010519491231002x", "110105491231002",
                         "+86 139 1234 5678", "0451-86661234转801", "汉", "中共党员", "身份证号（18位）",
                         "女", "\u3000张\u00A0丽\u3000", "2.30102198001011E+17"};
  int i = 0;
  for (const char* t : texts) write(values, "text" + std::to_string(i++), t);
  for (double d : {29222.0, 60.0, 1980.01, 1980.1, 2.30102198001011e17, 13912345678.0}) {
    std::string bytes(sizeof d, '\0');
    std::memcpy(bytes.data(), &d, sizeof d);
    write(values, "number" + std::to_string(i++), bytes);
  }
  return 0;
}
