// .xlsx (Office Open XML) from memory: libzip for the container, pugixml for the parts.
// Only the parts a table needs are inflated (workbook, its relationships, shared strings,
// styles, worksheets), each counted against the expansion budget while it is inflated.
#include <zip.h>

#include <charconv>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "documents/sheet_builder.h"
#include "documents/spreadsheet.h"

namespace jinguo::documents {

namespace {

using detail::corrupt;

domain::DomainError expands_too_much(const ReadLimits& limits) {
  return detail::file_error(
      "file_too_large",
      "文件解压后超过" + std::to_string(limits.max_uncompressed_bytes >> 20) +
          "MB（或压缩比异常），无法读取：请删去无关的工作表或拆分成几个文件后再上传",
      "the zip expands beyond the limit or has an abnormal compression ratio");
}

class ZipArchive {
 public:
  ZipArchive(std::string_view bytes, const ReadLimits& limits) : limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      throw corrupt("zip source");
    }
    archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (archive_ == nullptr) {
      zip_source_free(source);
      zip_error_fini(&error);
      throw corrupt("not a readable zip");
    }
    zip_error_fini(&error);
  }
  ~ZipArchive() {
    if (archive_ != nullptr) zip_discard(archive_);
  }
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const {
    return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
  }

  // One entry inflated a piece at a time, counted against the expansion budget while it
  // is inflated (a declared size may lie) unless it is a second reading of an entry.
  class Entry {
   public:
    Entry(ZipArchive& zip, zip_file_t* file, std::size_t size, bool counted)
        : zip_(zip), file_(file, zip_fclose), size_(size), counted_(counted) {}
    std::size_t size() const { return size_; }

    // Up to `capacity` more bytes into `buffer`; 0 at the end of the entry.
    std::size_t read(char* buffer, std::size_t capacity) {
      if (done_) return 0;
      zip_int64_t got = zip_fread(file_.get(), buffer, capacity);
      if (got < 0) throw corrupt("zip entry inflate");
      auto n = static_cast<std::size_t>(got);
      if (n == 0) {
        if (read_ != size_) throw corrupt("zip entry size");
        if (counted_) zip_.used_ += read_;
        done_ = true;
        return 0;
      }
      if (read_ + n > size_ ||
          (counted_ && zip_.used_ + read_ + n > zip_.limits_.max_uncompressed_bytes))
        throw expands_too_much(zip_.limits_);
      read_ += n;
      return n;
    }

   private:
    ZipArchive& zip_;
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file_;
    std::size_t size_ = 0;
    std::size_t read_ = 0;
    bool counted_ = true;
    bool done_ = false;
  };

  // The entry opened for reading, or nullopt when there is no such entry. `counted` is
  // false only to read again an entry already read (and counted) whole.
  std::optional<Entry> open(const std::string& name, bool counted = true) {
    zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &st) != 0)
      throw corrupt("zip entry stat");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      throw detail::encrypted();
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) throw corrupt("zip sizes");
    // Refused before inflating: declared size over the budget, or an abnormal ratio.
    if (counted && st.size > limits_.max_uncompressed_bytes - used_) throw expands_too_much(limits_);
    if (st.size > limits_.ratio_floor_bytes &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > limits_.max_compression_ratio)
      throw expands_too_much(limits_);
    zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) throw corrupt("zip entry open");
    return std::optional<Entry>(std::in_place, *this, file, static_cast<std::size_t>(st.size), counted);
  }

  // The entry's bytes, or nullopt when there is no such entry.
  std::optional<std::string> read(const std::string& name, bool counted = true) {
    auto entry = open(name, counted);
    if (!entry) return std::nullopt;
    std::string out;
    out.reserve(entry->size());
    char buffer[1 << 16];
    while (std::size_t n = entry->read(buffer, sizeof buffer)) out.append(buffer, n);
    return out;
  }

 private:
  const ReadLimits& limits_;
  zip_t* archive_ = nullptr;
  std::size_t used_ = 0;
};

// Parts never carry a DOCTYPE; one that does is crafted (entity tricks) and is refused.
// pugixml itself expands no entities but the five predefined ones and character references.
void parse_part(pugi::xml_document& doc, std::string& text, std::string_view part) {
  auto result = doc.load_buffer_inplace(text.data(), text.size(),
                                        pugi::parse_default | pugi::parse_doctype);
  if (!result) throw corrupt("malformed XML in " + std::string(part));
  for (auto child : doc.children())
    if (child.type() == pugi::node_doctype) throw corrupt("DOCTYPE in " + std::string(part));
}

std::string_view local_name(std::string_view n) {
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool ends_tag_name(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/'; }

// The next start tag <name or <prefix:name at or after `from`; npos if none.
std::size_t find_start_tag(std::string_view text, std::string_view name, std::size_t from) {
  for (auto at = text.find('<', from); at != std::string_view::npos; at = text.find('<', at + 1)) {
    auto end = at + 1;
    while (end < text.size() && !ends_tag_name(text[end])) ++end;
    if (end < text.size() && local_name(text.substr(at + 1, end - at - 1)) == name) return at;
  }
  return std::string_view::npos;
}

// A stretch of a zip entry being inflated: `buffer` holds the part's bytes
// [buffer_at, end()), never past `limit`.
class PartWindow {
 public:
  PartWindow(ZipArchive::Entry& entry, std::size_t limit) : entry_(entry), limit_(limit) {}
  std::string buffer;
  std::size_t buffer_at = 0;

  std::size_t end() const { return buffer_at + buffer.size(); }
  // Reads more of the part; false once `limit` or the end of the part is reached.
  bool more() {
    if (end() >= limit_) return false;
    std::size_t n = entry_.read(chunk_, sizeof chunk_);
    if (n == 0) return false;
    buffer.append(chunk_, std::min(n, limit_ - end()));
    return true;
  }
  // Reads until the window holds the byte at `at`, or the part (or limit) ends.
  void fill_through(std::size_t at) {
    while (end() <= at)
      if (!more()) return;
  }
  // Forgets the bytes before `at`.
  void drop_before(std::size_t at) {
    buffer.erase(0, at - buffer_at);
    buffer_at = at;
  }

 private:
  ZipArchive::Entry& entry_;
  std::size_t limit_;
  char chunk_[1 << 16];
};

// Where find_start_tag may resume once more bytes have come: a '<' after the last
// character that ends a tag name may not have its whole name yet.
std::size_t resume_from(std::string_view text, std::size_t from) {
  auto last = text.find_last_of(" \t\r\n>/");
  return last == std::string_view::npos || last < from ? from : last;
}

// The end tags </name> or </prefix:name> in `text` from `from`: `last` becomes the
// position of the last one. Returns where to resume once more bytes have come (the first
// "</" whose name may go on, or the end but for a '<' that may begin one); when
// `complete` (the text runs to the end of the part) a name running to the end counts.
std::size_t find_end_tags(std::string_view text, std::string_view name, std::size_t from,
                          bool complete, std::size_t& last) {
  for (auto at = text.find("</", from); at != std::string_view::npos; at = text.find("</", at + 1)) {
    auto end = at + 2;
    while (end < text.size() && !ends_tag_name(text[end])) ++end;
    if (end == text.size() && !complete) return at;
    if (local_name(text.substr(at + 2, end - at - 2)) == name) last = at;
  }
  return !text.empty() && text.back() == '<' ? text.size() - 1 : text.size();
}

// Large parts (a worksheet's rows, the shared strings) are parsed a slice at a time so
// that the DOM never holds much more than ReadLimits::xml_slice_bytes of XML, and
// inflated a piece at a time so that the part is never held whole either: first the
// part without its container's content (the skeleton: prolog, DOCTYPE check, merged
// cells), then the content in slices cut just before a child's start tag, each wrapped in
// a bare element. A slice cut inside a comment or CDATA section does not parse: the file
// is then called damaged, which only a crafted file can be.
//
// The entry is inflated twice: first whole, counted against the expansion budget, to find
// the skeleton (kept: the part up to the '>' of the container's first start tag and from
// its last end tag); then for the content, slice by slice. A part with no content to
// slice is parsed as it is. False when there is no such entry.
template <class OnSkeleton, class OnSlice>
bool parse_entry_in_slices(ZipArchive& zip, const std::string& part, std::size_t slice_bytes,
                           std::string_view container, std::string_view child_name,
                           OnSkeleton&& on_skeleton, OnSlice&& on_slice) {
  constexpr auto npos = std::string_view::npos;
  std::string skeleton;
  std::size_t open_end = npos;  // the '>' of the container's first start tag
  std::size_t close = npos;     // the '<' of its last end tag
  {
    auto entry = zip.open(part);
    if (!entry) return false;
    PartWindow window(*entry, std::numeric_limits<std::size_t>::max());
    std::size_t open = npos, from = 0;
    while (open_end == npos && window.more()) {
      std::string_view text(window.buffer);
      if (open == npos) open = find_start_tag(text, container, from);
      if (open == npos) from = resume_from(text, from);
      else open_end = text.find('>', open);
    }
    if (open_end != npos && window.buffer[open_end - 1] != '/') {
      skeleton = window.buffer.substr(0, open_end + 1);
      window.drop_before(open_end + 1);
      // The window keeps the part from the last end tag found, or only what may begin one.
      std::size_t scan = window.buffer_at;
      for (bool more = true; more;) {
        more = window.more();
        std::size_t found = npos;
        auto resume = find_end_tags(window.buffer, container, scan - window.buffer_at, !more, found);
        scan = window.buffer_at + resume;
        if (found != npos) close = window.buffer_at + found;
        window.drop_before(close != npos ? close : scan);
      }
      if (close != npos) skeleton += window.buffer;
    }
    if (close == npos) {  // no content to slice: the part as it is
      while (window.more()) continue;
      if (window.buffer_at != 0) window.buffer = *zip.read(part, /*counted=*/false);
      pugi::xml_document doc;
      parse_part(doc, window.buffer, part);
      on_skeleton(doc);
      return true;
    }
  }
  {
    pugi::xml_document doc;
    parse_part(doc, skeleton, part);
    on_skeleton(doc);
  }
  skeleton = std::string();

  auto entry = zip.open(part, /*counted=*/false);
  if (!entry) throw corrupt("zip entry reopened");
  PartWindow window(*entry, close);  // the content ends at `close`
  while (window.end() <= open_end) {  // the skeleton's start, already parsed
    window.drop_before(window.end());
    if (!window.more()) break;
  }
  window.drop_before(open_end + 1);
  const std::size_t step = std::max<std::size_t>(slice_bytes, 1);
  for (std::size_t at = open_end + 1; at < close;) {
    // The next child's start tag at or after at + step, as find_start_tag finds it in
    // the part up to `close`.
    std::size_t cut = close;
    for (std::size_t from = at + step; from < close;) {
      window.fill_through(from);
      std::string_view text(window.buffer);
      auto found = find_start_tag(text, child_name, from - window.buffer_at);
      if (found != npos) {
        cut = window.buffer_at + found;
        break;
      }
      if (window.end() >= close) break;
      from = window.buffer_at + resume_from(text, from - window.buffer_at);
      if (!window.more()) break;
    }
    window.fill_through(cut - 1);
    std::string slice = "<slice>";
    slice.append(std::string_view(window.buffer).substr(0, cut - at));
    slice.append("</slice>");
    window.drop_before(cut);
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(slice.data(), slice.size(), pugi::parse_default))
      throw corrupt("malformed XML in " + std::string(part));
    on_slice(doc.first_child());
    at = cut;
  }
  return true;
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (auto c : node.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

template <class F>
void each_child(pugi::xml_node node, std::string_view name, F&& f) {
  for (auto c : node.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) f(c);
}

// An attribute by local name ("r:id" and "id" in any namespace prefix).
const char* attribute(pugi::xml_node node, std::string_view name) {
  for (auto a : node.attributes())
    if (local_name(a.name()) == name) return a.value();
  return nullptr;
}

std::optional<std::uint64_t> parse_unsigned(const char* s) {
  if (s == nullptr) return std::nullopt;
  std::string_view v(s);
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// OOXML writes characters XML cannot carry as _xHHHH_ (_x000D_ for a carriage return).
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int a = hex(s[i + 2]), b = hex(s[i + 3]), c = hex(s[i + 4]), d = hex(s[i + 5]);
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        auto cp = static_cast<std::uint32_t>((a << 12) | (b << 8) | (c << 4) | d);
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
        append_utf8(out, cp);
        i += 6;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Text of a shared string item or an inline string: its <t>, or its rich text runs' <t>s
// joined; phonetic runs (<rPh>) are not part of the text.
std::string string_item_text(pugi::xml_node item) {
  std::string text;
  for (auto c : item.children()) {
    if (c.type() != pugi::node_element) continue;
    auto name = local_name(c.name());
    if (name == "t") {
      text += c.child_value();
    } else if (name == "r") {
      each_child(c, "t", [&](pugi::xml_node t) { text += t.child_value(); });
    }
  }
  return decode_escapes(text);
}

// Part names: relative to the folder of the part that points at them, or absolute.
std::string resolve(std::string_view base_part, std::string_view target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = std::string(target.substr(1));
  } else {
    auto slash = base_part.rfind('/');
    path = (slash == std::string_view::npos ? std::string() : std::string(base_part.substr(0, slash + 1))) +
           std::string(target);
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels.
std::string rels_of(std::string_view part) {
  auto slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) +
         ".rels";
}

struct Relationship {
  std::string type;    // the last segment of the type URI: "worksheet", "sharedStrings" ...
  std::string target;  // resolved part name
};

std::map<std::string, Relationship> read_relationships(ZipArchive& zip, std::string_view part) {
  std::map<std::string, Relationship> out;
  std::string rels_name = rels_of(part);
  auto text = zip.read(rels_name);
  if (!text) return out;
  pugi::xml_document doc;
  parse_part(doc, *text, rels_name);
  each_child(child(doc, "Relationships"), "Relationship", [&](pugi::xml_node r) {
    const char* id = attribute(r, "Id");
    const char* type = attribute(r, "Type");
    const char* target = attribute(r, "Target");
    const char* mode = attribute(r, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    std::string_view t(type);
    auto slash = t.rfind('/');
    out[id] = Relationship{std::string(slash == std::string_view::npos ? t : t.substr(slash + 1)),
                           resolve(part, target)};
  });
  return out;
}

// Whether a custom number format shows a date: y or d outside quotes, escapes and
// brackets, or m where nothing says time (h, s, or an elapsed [h] / [mm] / [ss]).
bool is_date_format_code(std::string_view code) {
  bool has_date = false, has_month = false, has_time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      auto close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') {
      auto close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      auto inside = code.substr(i + 1, close - i - 1);
      if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' ||
                              inside[0] == 'M' || inside[0] == 's' || inside[0] == 'S'))
        has_time = true;
      i = close;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == 'y' || c == 'd') has_date = true;
    if (c == 'm') has_month = true;
    if (c == 'h' || c == 's') has_time = true;
  }
  return has_date || (has_month && !has_time);
}

// Built-in number formats that show dates or times: 14-22 and 45-47 everywhere, 27-36
// and 50-58 in East Asian locales (Chinese Excel's yyyy"年"m"月"d"日" is 31, for example).
bool is_builtin_date_format(std::uint64_t id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// For each cell format (the s attribute's index), whether it shows a date.
std::vector<bool> read_date_styles(ZipArchive& zip, const std::string& part) {
  std::vector<bool> out;
  auto text = zip.read(part);
  if (!text) return out;
  pugi::xml_document doc;
  parse_part(doc, *text, part);
  auto sheet = child(doc, "styleSheet");
  std::map<std::uint64_t, bool> custom;
  each_child(child(sheet, "numFmts"), "numFmt", [&](pugi::xml_node f) {
    auto id = parse_unsigned(attribute(f, "numFmtId"));
    const char* code = attribute(f, "formatCode");
    if (id && code != nullptr) custom[*id] = is_date_format_code(code);
  });
  each_child(child(sheet, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    auto id = parse_unsigned(attribute(xf, "numFmtId")).value_or(0);
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? it->second : is_builtin_date_format(id));
  });
  return out;
}

// The shared strings table: its texts in a store that every sheet reading them keeps
// alive (rosters repeat 汉族, 群众, 执委 ... thousands of times: one copy each).
struct SharedStrings {
  std::shared_ptr<TextStore> store = std::make_shared<TextStore>();
  std::vector<std::string_view> items;
};

SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part,
                                  std::size_t slice_bytes) {
  SharedStrings out;
  parse_entry_in_slices(
      zip, part, slice_bytes, "sst", "si", [](const pugi::xml_document&) {},
      [&](pugi::xml_node slice) {
        each_child(slice, "si", [&](pugi::xml_node si) {
          out.items.push_back(out.store->intern(string_item_text(si)));
        });
      });
  return out;
}

// "B12" -> column 2, row 12; a bad reference gives zeros.
struct CellRef {
  std::uint32_t column = 0;
  std::uint32_t row = 0;
};

CellRef parse_ref(std::string_view ref) {
  std::size_t i = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) ++i;
  CellRef out;
  out.column = column_from_letters(ref.substr(0, i));
  auto digits = ref.substr(i);
  std::uint32_t row = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
  if (ec == std::errc() && end == digits.data() + digits.size() && row >= 1 && row <= 1048576)
    out.row = row;
  return out;
}

struct Shared {
  const std::vector<std::string_view>& strings;
  const std::vector<bool>& date_styles;
};

// A cell's value. Its text is a view into the shared strings, the XML or `scratch` (a
// decoded text), said by `text`: the sheet copies what is not in the shared strings.
struct ReadCell {
  Cell cell;
  detail::SheetBuilder::Text text = detail::SheetBuilder::Text::kCopy;
};

ReadCell read_cell(pugi::xml_node c, std::uint32_t column, const Shared& shared, std::string& scratch) {
  ReadCell out;
  Cell& cell = out.cell;
  cell.column = column;
  std::string_view type = attribute(c, "t") ? attribute(c, "t") : "n";
  auto v = child(c, "v");
  const char* value = v ? v.child_value() : "";
  std::string_view vs(value);
  if (type == "inlineStr") {
    cell.kind = CellKind::kText;
    scratch = string_item_text(child(c, "is"));
    cell.text = scratch;
  } else if (!v) {
    cell.kind = CellKind::kEmpty;  // a formula without a cached value, or a styled blank
  } else if (type == "s") {
    auto index = parse_unsigned(value);
    if (index && *index < shared.strings.size()) {
      cell.kind = CellKind::kText;
      cell.text = shared.strings[*index];
      out.text = detail::SheetBuilder::Text::kStored;
    }
  } else if (type == "str" || type == "d") {
    cell.kind = CellKind::kText;
    scratch = decode_escapes(vs);
    cell.text = scratch;
  } else if (type == "b") {
    cell.kind = CellKind::kBool;
    cell.number = vs == "1" || vs == "true" ? 1.0 : 0.0;
  } else if (type == "e") {
    cell.kind = CellKind::kError;
    cell.text = vs;
  } else {
    double number = 0;
    auto [end, ec] = std::from_chars(vs.data(), vs.data() + vs.size(), number);
    if (ec == std::errc() && end == vs.data() + vs.size()) {
      cell.kind = CellKind::kNumber;
      cell.number = number;
      auto style = parse_unsigned(attribute(c, "s")).value_or(0);
      cell.date_formatted = style < shared.date_styles.size() && shared.date_styles[style];
    } else if (!vs.empty()) {
      cell.kind = CellKind::kText;
      cell.text = vs;
    }
  }
  return out;
}

void read_worksheet(ZipArchive& zip, const std::string& part, const Shared& shared,
                    Sheet& sheet, const ReadLimits& limits, std::size_t& cells) {
  detail::SheetBuilder builder(sheet, limits, cells);
  std::uint32_t row_number = 0;
  std::string scratch;
  auto read_rows = [&](pugi::xml_node container) {
    each_child(container, "row", [&](pugi::xml_node row) {
      auto r = parse_unsigned(attribute(row, "r"));
      row_number = (r && *r >= 1 && *r <= 1048576) ? static_cast<std::uint32_t>(*r) : row_number + 1;
      std::uint32_t column = 0;
      each_child(row, "c", [&](pugi::xml_node c) {
        const char* ref = attribute(c, "r");
        if (ref != nullptr) {
          auto parsed = parse_ref(ref);
          // A reference past XFD (or unreadable) is put beyond every limit: ignored, counted.
          column = parsed.column != 0 ? parsed.column : 16385;
        } else {
          column = column < 16385 ? column + 1 : column;
        }
        auto read = read_cell(c, column, shared, scratch);
        builder.add(row_number, read.cell, read.text);
      });
    });
  };
  auto read_skeleton = [&](const pugi::xml_document& doc) {
    auto worksheet = child(doc, "worksheet");
    read_rows(child(worksheet, "sheetData"));  // when the part was not sliced
    each_child(child(worksheet, "mergeCells"), "mergeCell", [&](pugi::xml_node m) {
      const char* ref = attribute(m, "ref");
      if (ref == nullptr) return;
      std::string_view range(ref);
      auto colon = range.find(':');
      auto first = parse_ref(range.substr(0, colon));
      auto last = colon == std::string_view::npos ? first : parse_ref(range.substr(colon + 1));
      builder.add_merged(MergedRange{first.row, first.column, last.row, last.column});
    });
  };
  if (!parse_entry_in_slices(zip, part, limits.xml_slice_bytes, "sheetData", "row", read_skeleton, read_rows))
    throw corrupt("missing worksheet " + part);
  builder.finish();
}

bool is_true(const char* v) {
  return v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
}

}  // namespace

Workbook read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  detail::check_input_size(bytes, limits, "文件");
  ZipArchive zip(bytes, limits);

  std::string workbook_part = "xl/workbook.xml";
  for (const auto& [id, rel] : read_relationships(zip, ""))
    if (rel.type == "officeDocument") workbook_part = rel.target;
  if (!zip.has(workbook_part)) {
    if (zip.has("xl/workbook.bin"))
      throw detail::not_spreadsheet("不支持.xlsb二进制工作簿，请在Excel中另存为.xlsx再上传",
                                    "binary .xlsb workbooks are not read");
    throw detail::not_spreadsheet(
        "文件不是Excel工作簿（可能是Word文档、WPS或其他压缩文件），请另存为.xlsx再上传",
        "a zip without an Excel workbook");
  }

  Workbook book;
  book.format = SourceFormat::kXlsx;
  auto rels = read_relationships(zip, workbook_part);
  std::string shared_part, styles_part;
  for (const auto& [id, rel] : rels) {
    if (rel.type == "sharedStrings") shared_part = rel.target;
    if (rel.type == "styles") styles_part = rel.target;
  }
  auto strings = shared_part.empty() ? SharedStrings() : read_shared_strings(zip, shared_part, limits.xml_slice_bytes);
  auto date_styles = styles_part.empty() ? std::vector<bool>() : read_date_styles(zip, styles_part);
  Shared shared{strings.items, date_styles};

  auto workbook_text = zip.read(workbook_part);
  pugi::xml_document workbook;
  parse_part(workbook, *workbook_text, workbook_part);
  auto root = child(workbook, "workbook");
  book.date1904 = is_true(attribute(child(root, "workbookPr"), "date1904"));

  std::size_t cells = 0;
  each_child(child(root, "sheets"), "sheet", [&](pugi::xml_node s) {
    if (book.sheets.size() >= limits.max_sheets) return;
    const char* rid = attribute(s, "id");
    if (rid == nullptr) return;
    auto rel = rels.find(rid);
    if (rel == rels.end() || rel->second.type != "worksheet") return;  // chart and dialog sheets
    Sheet sheet;
    sheet.name = attribute(s, "name") ? attribute(s, "name") : "";
    const char* state = attribute(s, "state");
    sheet.hidden = state != nullptr && std::string_view(state) != "visible";
    if (!strings.items.empty()) sheet.shared_text = strings.store;
    read_worksheet(zip, rel->second.target, shared, sheet, limits, cells);
    book.sheets.push_back(std::move(sheet));
  });
  if (book.sheets.empty())
    throw detail::not_spreadsheet("工作簿中没有工作表，请检查文件后重新上传", "no worksheet");
  return book;
}

}  // namespace jinguo::documents
