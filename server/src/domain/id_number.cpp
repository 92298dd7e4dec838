#include "domain/id_number.h"

#include "domain/error.h"

namespace jinguo::domain {

namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";

// Province-level codes of GB/T 2260 (first two digits).
bool known_province(int p) {
  switch (p) {
    case 11: case 12: case 13: case 14: case 15:
    case 21: case 22: case 23:
    case 31: case 32: case 33: case 34: case 35: case 36: case 37:
    case 41: case 42: case 43: case 44: case 45: case 46:
    case 50: case 51: case 52: case 53: case 54:
    case 61: case 62: case 63: case 64: case 65:
    case 71: case 81: case 82: case 83:
      return true;
    default:
      return false;
  }
}

DomainError bad(std::string code, std::string zh, std::string en) {
  return invalid(std::move(code), "id_number", std::move(zh), std::move(en));
}

// Full-width digits (U+FF10..U+FF19) and X (U+FF38, U+FF58) become ASCII; spaces go.
std::string normalise(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    // U+3000 ideographic space: E3 80 80
    if (c == 0xE3 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    // U+FF10..U+FF19: EF BC 90..99; U+FF38: EF BC B8; U+FF58: EF BD 98
    if (c == 0xEF && i + 2 < raw.size()) {
      unsigned char c1 = static_cast<unsigned char>(raw[i + 1]);
      unsigned char c2 = static_cast<unsigned char>(raw[i + 2]);
      if (c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99) {
        out.push_back(static_cast<char>('0' + (c2 - 0x90)));
        i += 2;
        continue;
      }
      if ((c1 == 0xBC && c2 == 0xB8) || (c1 == 0xBD && c2 == 0x98)) {
        out.push_back('X');
        i += 2;
        continue;
      }
    }
    out.push_back(c == 'x' ? 'X' : static_cast<char>(c));
  }
  return out;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

char id_number_check_char(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return kCheckChars[sum % 11];
}

IdNumber parse_id_number(std::string_view raw, const Date& today) {
  std::string s = normalise(raw);
  if (s.empty()) throw bad("required", "请填写身份证号", "ID number is required");
  if (s.size() == 15) {
    if (!all_digits(s))
      throw bad("id_number_format", "15位身份证号只能由数字组成", "a 15-digit ID number has digits only");
    std::string first17 = s.substr(0, 6) + "19" + s.substr(6, 9);
    s = first17 + id_number_check_char(first17);
  } else if (s.size() != 18) {
    throw bad("id_number_length", "身份证号应为18位（旧证15位）",
              "an ID number has 18 characters (15 for the old kind)");
  }
  if (!all_digits(std::string_view(s).substr(0, 17)) ||
      !((s[17] >= '0' && s[17] <= '9') || s[17] == 'X'))
    throw bad("id_number_format", "身份证号前17位应为数字，最后一位为数字或X",
              "the first 17 characters must be digits, the last a digit or X");
  if (!known_province((s[0] - '0') * 10 + (s[1] - '0')))
    throw bad("id_number_region", "身份证号前两位不是有效的省级行政区划代码",
              "the first two digits are not a province code");
  auto birth = Date::parse(s.substr(6, 4) + "-" + s.substr(10, 2) + "-" + s.substr(12, 2));
  if (!birth || birth->year() < 1900 || *birth > today)
    throw bad("id_number_birth_date", "身份证号中的出生日期无效",
              "the birth date inside the ID number is not a valid past date");
  if (id_number_check_char(s) != s[17])
    throw bad("id_number_checksum", "身份证号校验位错误，请核对号码",
              "the check character of the ID number is wrong");
  Sex sex = ((s[16] - '0') % 2 == 1) ? Sex::kMale : Sex::kFemale;
  return IdNumber{s, *birth, sex};
}

std::string mask_id_number(std::string_view id) {
  if (id.size() < 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string sex_code(Sex sex) { return sex == Sex::kFemale ? "female" : "male"; }

}  // namespace jinguo::domain
