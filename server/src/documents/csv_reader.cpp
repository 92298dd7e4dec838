// CSV and tab-separated text as Excel and WPS save them: UTF-8 (with or without BOM),
// UTF-16 with BOM ("Unicode text"), or GB18030 (which covers GBK and GB2312), converted
// to UTF-8 with iconv. RFC 4180 quoting; quoted fields may hold delimiters and newlines.
#include <iconv.h>

#include <cerrno>
#include <optional>

#include "documents/sheet_builder.h"
#include "documents/spreadsheet.h"
#include "domain/text.h"

namespace jinguo::documents {

namespace {

domain::DomainError bad_encoding() {
  return detail::file_error(
      "file_encoding",
      "无法识别CSV文件的文字编码，请在Excel或WPS中另存为“CSV UTF-8”或.xlsx后再上传",
      "the text is neither UTF-8, UTF-16 with BOM nor GB18030");
}

// The text converted to UTF-8, or nullopt when it is not valid in `from`.
std::optional<std::string> to_utf8(std::string_view text, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(text.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(text.data());
  std::size_t in_left = text.size();
  std::size_t done = 0;
  std::optional<std::string> result;
  for (;;) {
    char* out_ptr = out.data() + done;
    std::size_t out_left = out.size() - done;
    std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    done = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) {
      // flush any shift state
      out_ptr = out.data() + done;
      out_left = out.size() - done;
      if (iconv(cd, nullptr, nullptr, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) {
        done = out.size() - out_left;
        out.resize(done);
        result = std::move(out);
      }
      break;
    }
    if (errno != E2BIG) break;  // EILSEQ or EINVAL: not this encoding
    out.resize(out.size() * 2);
  }
  iconv_close(cd);
  return result;
}

std::string decode(std::string_view bytes) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    auto text = to_utf8(bytes.substr(2), starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE");
    if (!text || text->find('\0') != std::string::npos) throw bad_encoding();
    return *text;
  }
  if (bytes.find('\0') != std::string_view::npos)
    throw detail::not_spreadsheet("文件不是Excel表格或CSV文件，请上传.xlsx、.xls或.csv文件",
                                  "binary data that is not a known workbook");
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!domain::utf8_length(bytes)) throw bad_encoding();
    return std::string(bytes);
  }
  if (domain::utf8_length(bytes)) return std::string(bytes);
  auto text = to_utf8(bytes, "GB18030");
  if (!text) throw bad_encoding();
  return *text;
}

// Tab when the first lines hold more tabs than commas (outside quotes), else comma.
char detect_delimiter(std::string_view text) {
  std::size_t commas = 0, tabs = 0, lines = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
    if (c == '\n' && ++lines >= 20) break;
  }
  return tabs > commas ? '\t' : ',';
}

}  // namespace

Workbook read_csv(std::string_view bytes, const ReadLimits& limits) {
  detail::check_input_size(bytes, limits, "文件");
  std::string decoded = decode(bytes);
  std::string_view text(decoded);

  char delimiter = 0;
  // Excel's hint line: "sep=;" names the delimiter and is not data.
  if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    delimiter = text[4];
    text.remove_prefix(5);
    if (!text.empty() && text[0] == '\r') text.remove_prefix(1);
    if (!text.empty() && text[0] == '\n') text.remove_prefix(1);
  }
  if (delimiter == 0) delimiter = detect_delimiter(text);

  Workbook book;
  book.format = SourceFormat::kCsv;
  book.sheets.push_back(Sheet{});
  Sheet& sheet = book.sheets.back();
  sheet.name = "Sheet1";
  std::size_t cells = 0;
  detail::SheetBuilder builder(sheet, limits, cells);

  std::uint32_t row = 1, column = 1;
  std::string field;
  auto end_field = [&]() {
    Cell cell;
    cell.column = column;
    cell.kind = CellKind::kText;
    cell.text = field;  // copied into the sheet by the builder
    builder.add(row, cell);
    field.clear();
    if (column < 16385) ++column;
  };
  auto end_record = [&]() {
    end_field();
    ++row;
    column = 1;
  };

  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      std::uint32_t opened_at = row;
      ++i;
      bool closed = false;
      while (i < n) {
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        field.push_back(text[i++]);
      }
      if (!closed)
        throw detail::file_error(
            "file_corrupt",
            "CSV文件第" + std::to_string(opened_at) + "行起的引号没有配对，请在Excel中检查后重新保存",
            "an unterminated quoted field from record " + std::to_string(opened_at));
      continue;  // text after the closing quote up to the delimiter is kept (lenient)
    }
    if (c == delimiter) {
      end_field();
      ++i;
    } else if (c == '\r' || c == '\n') {
      end_record();
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    } else {
      field.push_back(c);
      ++i;
    }
  }
  if (!field.empty() || column > 1) end_field();
  builder.finish();
  return book;
}

}  // namespace jinguo::documents
