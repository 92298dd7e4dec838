#include "domain/import/values.h"

#include <cmath>
#include <cstdio>

#include "domain/error.h"
#include "domain/import/utf8.h"

namespace jinguo::domain::import {

namespace {

ValueError error(std::string code, std::string zh, std::string en) {
  return ValueError{std::move(code), std::move(zh), std::move(en)};
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Cleaned, half-width text of a text cell or a number cell.
std::string ascii_text(const CellValue& value) { return to_half_width(cell_text(value)); }

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for_each_code_point(s, [&](char32_t cp, std::string_view bytes) {
    if (!is_unicode_space(cp)) out += bytes;
  });
  return out;
}

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

std::optional<DateValue> make_date(int y, int m, int d, DatePrecision p) {
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  try {
    return DateValue{Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d)), p};
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

// Digits only: 19800102, 198001, 1980.
std::optional<DateValue> date_from_digits(std::string_view s) {
  if (s.size() == 8) return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)), DatePrecision::kDay);
  if (s.size() == 6) return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), 1, DatePrecision::kMonth);
  if (s.size() == 4) return make_date(to_int(s), 1, 1, DatePrecision::kYear);
  return std::nullopt;
}

std::optional<DateValue> date_from_text(std::string text) {
  // A time after the date (1980-01-02 00:00:00, 1980-01-02T08:00) is dropped.
  if (auto colon = text.find(':'); colon != std::string::npos) {
    auto cut = text.find_last_of(" T", colon);
    if (cut == std::string::npos || cut < 4) return std::nullopt;
    text = text.substr(0, cut);
  }
  text = without_spaces(text);
  if (all_digits(text)) return date_from_digits(text);
  text = replace_all(std::move(text), "年", "-");
  text = replace_all(std::move(text), "月", "-");
  text = replace_all(std::move(text), "日", "");
  text = replace_all(std::move(text), "号", "");
  while (!text.empty() && (text.back() == '-' || text.back() == '.' || text.back() == '/'))
    text.pop_back();
  std::vector<std::string> parts;
  std::string part;
  for (char c : text) {
    if (c == '-' || c == '.' || c == '/') {
      parts.push_back(part);
      part.clear();
    } else {
      part.push_back(c);
    }
  }
  parts.push_back(part);
  for (const auto& p : parts)
    if (!all_digits(p)) return std::nullopt;
  if (parts[0].size() != 4 || parts.size() > 3) return std::nullopt;
  for (std::size_t i = 1; i < parts.size(); ++i)
    if (parts[i].size() > 2) return std::nullopt;
  int y = to_int(parts[0]);
  if (parts.size() == 1) return make_date(y, 1, 1, DatePrecision::kYear);
  if (parts.size() == 2) return make_date(y, to_int(parts[1]), 1, DatePrecision::kMonth);
  return make_date(y, to_int(parts[1]), to_int(parts[2]), DatePrecision::kDay);
}

ValueError not_a_date(std::string_view shown) {
  return error("date_invalid",
               "“" + std::string(shown) + "”不是有效的日期，请写成1980-01-02或1980.01这样的格式",
               "'" + std::string(shown) + "' is not a date");
}

Normalised<DateValue> date_from_number(double n, bool date_formatted, bool date1904) {
  auto from_serial = [&](double serial) -> Normalised<DateValue> {
    if (!date1904 && std::floor(serial) == 60)
      return error("date_invalid", "日期1900年2月29日不存在（Excel的历史错误），请核对后重新填写",
                   "serial 60 is 29 February 1900, which never was");
    auto d = date_from_serial(serial, date1904);
    if (!d || d->year() < kMinYear || d->year() > kMaxYear) return not_a_date(cell_text(CellValue::of_number(serial)));
    return DateValue{*d, DatePrecision::kDay};
  };
  if (date_formatted) return from_serial(n);
  if (!(n >= 1 && n <= 99991231)) return not_a_date(cell_text(CellValue::of_number(n)));
  if (n == std::floor(n)) {
    // The format was lost: 19800102, 198001, 1980 before a plain serial.
    auto i = static_cast<long long>(n);
    auto digits = std::to_string(i);
    if (digits.size() == 8 || digits.size() == 6 || (i >= kMinYear && i <= kMaxYear)) {
      if (auto d = date_from_digits(digits)) return *d;
      if (digits.size() != 5) return not_a_date(digits);
    }
    return from_serial(n);
  }
  // 1980.01 typed into a General cell became the number 1980.01; 1980.10 became 1980.1.
  double year = std::floor(n);
  if (year >= kMinYear && year <= kMaxYear) {
    double hundredths = (n - year) * 100;
    long month = std::lround(hundredths);
    if (std::fabs(hundredths - static_cast<double>(month)) < 1e-6) {
      if (month == 10 && std::fabs((n - year) * 10 - 1) < 1e-6)
        return error("date_ambiguous",
                     "“" + cell_text(CellValue::of_number(n)) +
                         "”是1月还是10月无法确定（Excel把1980.10存成了1980.1）：请把该列设为文本格式，写成1980.01或1980.10",
                     "1980.1 is January or October: the column must be text");
      if (month % 10 == 0 && month / 10 >= 2 && month / 10 <= 9) month /= 10;  // 1980.2 = February
      if (auto d = make_date(static_cast<int>(year), static_cast<int>(month), 1, DatePrecision::kMonth)) return *d;
    }
    return not_a_date(cell_text(CellValue::of_number(n)));
  }
  return from_serial(n);  // a date and time serial that lost its format
}

// Dictionary kinds as a clerk calls them, for messages.
std::string kind_name(DictionaryKind kind) {
  switch (kind) {
    case DictionaryKind::kRole: return "职务";
    case DictionaryKind::kManner: return "任职方式";
    case DictionaryKind::kSource: return "来源类别";
    case DictionaryKind::kEthnicity: return "民族";
    case DictionaryKind::kPoliticalStatus: return "政治面貌";
    case DictionaryKind::kEducation: return "学历";
  }
  return "";
}

struct Synonym {
  DictionaryKind kind;
  std::string_view alias;
  std::string_view means;  // a label or short label that the live dictionary should hold
};

// What clerks write for the standard labels. A synonym whose target is not in the live
// dictionary matches nothing.
constexpr Synonym kSynonyms[] = {
    {DictionaryKind::kPoliticalStatus, "党员", "中共党员"},
    {DictionaryKind::kPoliticalStatus, "中共", "中共党员"},
    {DictionaryKind::kPoliticalStatus, "共产党员", "中共党员"},
    {DictionaryKind::kPoliticalStatus, "中国共产党员", "中共党员"},
    {DictionaryKind::kPoliticalStatus, "预备党员", "中共预备党员"},
    {DictionaryKind::kPoliticalStatus, "团员", "共青团员"},
    {DictionaryKind::kPoliticalStatus, "共青团", "共青团员"},
    {DictionaryKind::kPoliticalStatus, "无党派", "无党派人士"},
    {DictionaryKind::kPoliticalStatus, "民革", "民革会员"},
    {DictionaryKind::kPoliticalStatus, "民盟", "民盟盟员"},
    {DictionaryKind::kPoliticalStatus, "民建", "民建会员"},
    {DictionaryKind::kPoliticalStatus, "民进", "民进会员"},
    {DictionaryKind::kPoliticalStatus, "农工党", "农工党党员"},
    {DictionaryKind::kPoliticalStatus, "致公党", "致公党党员"},
    {DictionaryKind::kPoliticalStatus, "九三学社", "九三学社社员"},
    {DictionaryKind::kPoliticalStatus, "台盟", "台盟盟员"},
    {DictionaryKind::kEducation, "本科", "大学本科"},
    {DictionaryKind::kEducation, "大学", "大学本科"},
    {DictionaryKind::kEducation, "大本", "大学本科"},
    {DictionaryKind::kEducation, "学士", "大学本科"},
    {DictionaryKind::kEducation, "专科", "大专"},
    {DictionaryKind::kEducation, "大学专科", "大专"},
    {DictionaryKind::kEducation, "硕士", "研究生"},
    {DictionaryKind::kEducation, "博士", "研究生"},
    {DictionaryKind::kEducation, "硕士研究生", "研究生"},
    {DictionaryKind::kEducation, "博士研究生", "研究生"},
    {DictionaryKind::kEducation, "职高", "中专"},
    {DictionaryKind::kEducation, "技校", "中专"},
    {DictionaryKind::kEducation, "中职", "中专"},
    {DictionaryKind::kEducation, "普高", "高中"},
    {DictionaryKind::kManner, "志愿", "志愿者"},
    {DictionaryKind::kRole, "执行委员", "执委"},
    {DictionaryKind::kRole, "常务委员", "常委"},
};

}  // namespace

bool is_blank(const CellValue& value) {
  switch (value.kind) {
    case CellValue::Kind::kEmpty: return true;
    case CellValue::Kind::kText: return clean_text(value.text).empty();
    default: return false;
  }
}

std::string to_half_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
    if (cp >= 0xFF01 && cp <= 0xFF5E)
      out.push_back(static_cast<char>(cp - 0xFEE0));
    else if (cp == 0x3000)
      out.push_back(' ');
    else
      out += bytes;
  });
  return out;
}

std::string clean_text(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for_each_code_point(text, [&](char32_t cp, std::string_view bytes) {
    if (is_unicode_space(cp)) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out += bytes;
  });
  return out;
}

std::string cell_text(const CellValue& value) {
  switch (value.kind) {
    case CellValue::Kind::kText: return clean_text(value.text);
    case CellValue::Kind::kNumber: {
      char buffer[32];
      double n = value.number;
      if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", n);
      else
        std::snprintf(buffer, sizeof buffer, "%.15G", n);
      return buffer;
    }
    default: return "";
  }
}

std::optional<Date> date_from_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return std::nullopt;
  auto whole = static_cast<std::int32_t>(std::floor(serial));
  if (date1904) return Date::from_days(whole - 24107);  // serial 0 = 1904-01-01
  // 1900 system: serial 1 = 1900-01-01; Excel counts a 29 February 1900 as serial 60,
  // so serials from 61 on are one day further than the calendar.
  if (whole < 1 || whole == 60) return std::nullopt;
  return Date::from_days(whole < 60 ? whole - 25568 : whole - 25569);
}

bool agrees(const DateValue& typed, const Date& day) {
  switch (typed.precision) {
    case DatePrecision::kDay: return typed.date == day;
    case DatePrecision::kMonth: return typed.date.year() == day.year() && typed.date.month() == day.month();
    case DatePrecision::kYear: return typed.date.year() == day.year();
  }
  return false;
}

Normalised<DateValue> normalise_date(const CellValue& value, bool date1904) {
  if (value.kind == CellValue::Kind::kError)
    return error("cell_error", "单元格是错误值" + value.text + "，请填写日期", "an error cell");
  if (value.kind == CellValue::Kind::kNumber)
    return date_from_number(value.number, value.date_formatted, date1904);
  if (auto d = date_from_text(ascii_text(value))) return *d;
  return not_a_date(cell_text(value));
}

Normalised<Sex> normalise_sex(const CellValue& value) {
  std::string s = lower_ascii(without_spaces(ascii_text(value)));
  if (s == "女" || s == "女性" || s == "f" || s == "female" || s == "2") return Sex::kFemale;
  if (s == "男" || s == "男性" || s == "m" || s == "male" || s == "1") return Sex::kMale;
  return error("sex_invalid", "性别“" + cell_text(value) + "”无法识别，请填写“男”或“女”",
               "sex must be 男 or 女");
}

Normalised<IdNumber> normalise_id_number(const CellValue& value, const Date& today) {
  auto as_number = [] {
    return error("id_number_as_number",
                 "身份证号被Excel存成了数字（如2.30102198001011E+17），后几位已经丢失：请把该列设为文本格式，重新填写身份证号",
                 "the ID number was stored as a number and lost its last digits; the column must be text");
  };
  std::string text;
  if (value.kind == CellValue::Kind::kNumber) {
    if (!(value.number >= 0) || value.number >= 1e15) return as_number();  // 16+ digits
    text = cell_text(value);  // a 15-digit legacy number survives as a number
  } else {
    text = ascii_text(value);
    std::string upper = text;
    for (auto& c : upper)
      if (c == 'e') c = 'E';
    auto e = upper.find("E+");
    if (e != std::string::npos && e > 0 && upper.find('.') < e) return as_number();
  }
  try {
    return parse_id_number(text, today);
  } catch (const DomainError& e) {
    return error(e.code(), e.message_zh(), e.message_en());
  }
}

Normalised<PhoneNumber> normalise_phone(const CellValue& value) {
  std::string shown = cell_text(value);
  auto bad = [&] {
    return error("phone_invalid",
                 "电话“" + shown + "”无法识别，请填写11位手机号或带区号的固定电话（如0451-86661234），一格只填一个号码",
                 "not one mobile or landline number");
  };
  std::string text = ascii_text(value);
  std::string extension;
  if (auto at = text.find("转"); at != std::string::npos) {
    extension = without_spaces(text.substr(at + std::string_view("转").size()));
    text = text.substr(0, at);
    if (!all_digits(extension) || extension.size() > 6) return bad();
  }
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c == '+' && digits.empty()) digits.push_back('+');
    else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') continue;
    else return bad();
  }
  if (digits.rfind("+86", 0) == 0) digits = digits.substr(3);
  else if (digits.rfind("0086", 0) == 0) digits = digits.substr(4);
  else if (digits.size() == 13 && digits.rfind("861", 0) == 0) digits = digits.substr(2);
  if (!all_digits(digits)) return bad();
  PhoneNumber out;
  if (digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && extension.empty()) {
    out.text = digits;
    out.mobile = true;
    return out;
  }
  if (digits[0] == '0') {
    std::size_t area = (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
    std::size_t local = digits.size() - std::min(area, digits.size());
    if (digits.size() <= area || local < 7 || local > 8) return bad();
    out.text = digits.substr(0, area) + "-" + digits.substr(area);
  } else if (digits.size() == 7 || digits.size() == 8) {
    out.text = digits;
  } else {
    return bad();
  }
  if (!extension.empty()) out.text += "-" + extension;
  return out;
}

Normalised<std::string> match_dictionary(const CellValue& value, DictionaryKind kind,
                                         const std::vector<DictionaryEntry>& entries) {
  std::string text = without_spaces(ascii_text(value));
  std::vector<const DictionaryEntry*> live;
  for (const auto& e : entries)
    if (e.kind == kind && e.active) live.push_back(&e);

  auto pick = [&](auto&& matches) -> std::optional<Normalised<std::string>> {
    const DictionaryEntry* found = nullptr;
    for (const auto* e : live) {
      if (!matches(*e)) continue;
      if (found != nullptr && found->code != e->code)
        return error("dictionary_ambiguous",
                     kind_name(kind) + "“" + cell_text(value) + "”可以指“" + found->label + "”或“" +
                         e->label + "”，请填写完整名称",
                     "the value matches more than one entry");
      found = e;
    }
    if (found == nullptr) return std::nullopt;
    return found->code;
  };
  auto numeric_code_equal = [&](const DictionaryEntry& e) {
    return all_digits(text) && all_digits(e.code) && text.size() <= 9 && e.code.size() <= 9 &&
           to_int(text) == to_int(e.code);
  };
  // labels folded as the typed text is: 村（社区） typed or pasted matches either width
  auto same_label = [](std::string_view a, std::string_view b) { return without_spaces(to_half_width(a)) == b; };
  auto named = [&](const DictionaryEntry& e, std::string_view t) {
    return same_label(e.label, t) || (e.short_label && same_label(*e.short_label, t));
  };

  if (!text.empty()) {
    if (auto r = pick([&](const DictionaryEntry& e) { return e.code == text || numeric_code_equal(e); })) return *r;
    if (auto r = pick([&](const DictionaryEntry& e) { return named(e, text); })) return *r;
    if (kind == DictionaryKind::kEthnicity)
      if (auto r = pick([&](const DictionaryEntry& e) { return same_label(e.label, text + "族"); })) return *r;
    std::string stripped = text;
    if (kind == DictionaryKind::kEducation)
      for (std::string_view suffix : {"学历", "毕业", "文化"})
        if (stripped.size() > suffix.size() && stripped.ends_with(suffix))
          stripped.resize(stripped.size() - suffix.size());
    if (stripped != text)
      if (auto r = pick([&](const DictionaryEntry& e) { return named(e, stripped); })) return *r;
    for (const auto& s : kSynonyms)
      if (s.kind == kind && (s.alias == text || s.alias == stripped))
        if (auto r = pick([&](const DictionaryEntry& e) { return named(e, s.means); })) return *r;
  }

  std::string accepted;
  std::size_t shown = 0;
  for (const auto* e : live) {
    if (shown == 12) {
      accepted += "等";
      break;
    }
    accepted += (shown++ ? "、" : "") + (e->short_label ? *e->short_label : e->label);
  }
  return error("dictionary_unknown",
               kind_name(kind) + "“" + cell_text(value) + "”不在字典中，可填：" + accepted,
               "the value is not in the " + std::string(dictionary_kind_code(kind)) + " dictionary");
}

std::vector<std::string> organisation_path_parts(std::string_view text) {
  std::vector<std::string> parts;
  const std::string path = to_half_width(text);
  for (std::size_t start = 0; start <= path.size();) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string part = clean_text(std::string_view(path).substr(start, slash - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = slash + 1;
  }
  return parts;
}

std::string organisation_name_stem(std::string_view name) {
  for (std::string_view suffix : {"妇女联合会", "妇女代表大会", "妇联", "妇代会"})
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  return std::string(name);
}

bool is_division_code(std::string_view text) {
  return text.size() == 12 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace jinguo::domain::import
