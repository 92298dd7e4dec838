#pragma once
// Normalising the values clerks type into rosters: pure functions, no I/O. Each returns
// the clean value or a ValueError {code, Chinese message, English message} that the
// import shows beside the row; none throws for bad input.
//
// Names are left to the person-name rule of domain/person: the import passes
// clean_text(cell) to it (see docs/import-design.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/date.h"
#include "domain/dictionary.h"
#include "domain/id_number.h"

namespace jinguo::domain::import {

// A spreadsheet cell as the import sees it (documents::Cell without the format detail).
struct CellValue {
  enum class Kind { kEmpty, kText, kNumber, kError };
  Kind kind = Kind::kEmpty;
  std::string text;     // kText, kError
  double number = 0.0;  // kNumber
  bool date_formatted = false;

  static CellValue of_text(std::string text) { return {Kind::kText, std::move(text), 0.0, false}; }
  static CellValue of_number(double n, bool date = false) { return {Kind::kNumber, {}, n, date}; }
};

struct ValueError {
  std::string code;
  std::string message_zh;
  std::string message_en;
};

template <class T>
using Normalised = std::variant<T, ValueError>;

// Empty, or text that is only spaces.
bool is_blank(const CellValue& value);

// U+FF01..U+FF5E (full-width ASCII) to ASCII, U+3000 to a space. For codes, numbers,
// dates, ID and phone numbers: Chinese text keeps its full-width punctuation.
std::string to_half_width(std::string_view text);

// Trims every Unicode space at both ends (ASCII white space, NBSP, U+2000..U+200B,
// U+202F, U+205F, U+3000, U+FEFF) and folds runs of them inside into one ASCII space.
std::string clean_text(std::string_view text);

// The names of a 所在组织 cell's path, as typed: 呼兰区妇联/二八镇妇联 (also ／, spaces around
// the slashes, full-width characters) → {"呼兰区妇联", "二八镇妇联"}; blank parts dropped.
std::vector<std::string> organisation_path_parts(std::string_view text);
// A body's name without the kind of federation it ends in (妇联, 妇女联合会, 妇代会, 妇女代表大会):
// 后岗村妇代会 and 后岗村 → 后岗村. Bodies whose stem is the stem of a name nobody has are what the
// clerk probably meant.
std::string organisation_name_stem(std::string_view name);
// A 12-digit division code (行政区划代码) typed in place of a name.
bool is_division_code(std::string_view text);

// The text of a cell: text cells cleaned; numbers as Excel shows them in General format
// (13912345678, 2.5); errors and blanks give "".
std::string cell_text(const CellValue& value);

enum class DatePrecision : std::uint8_t { kDay, kMonth, kYear };  // one byte: kept with each row of an import

// A date, and how much of it the clerk gave: 1980.01 is 1980-01-01 with kMonth, so that
// a later check or display can tell "January 1980" from "1 January 1980".
struct DateValue {
  Date date;
  DatePrecision precision = DatePrecision::kDay;
};

// 1980-1-2, 1980/1/2, 1980.1.2, 1980年1月2日, 19800102, 1980-01-02 00:00:00 (day);
// 1980.01, 1980-01, 1980/1, 1980年1月, 198001 (month); 1980, 1980年 (year);
// Excel serials in date-formatted number cells (1900 system with its leap-year bug:
// serial 60 is the 29 February 1900 that never was; or the 1904 system); numbers that
// lost their format (19800102, 198001, 1980.01, a serial in 1..2958465).
// Codes: date_invalid (no date in it), date_ambiguous (the number 1980.1, which is
// January or October), cell_error.
Normalised<DateValue> normalise_date(const CellValue& value, bool date1904 = false);

// Whether a typed date says the same as a stored day, to the precision it was typed in:
// 1980.01 agrees with 1980-01-17, 1980 with any day of 1980.
bool agrees(const DateValue& typed, const Date& day);

// The date of an Excel serial (whole days; the time of day is dropped).
std::optional<Date> date_from_serial(double serial, bool date1904);

// 男 / 女 / 男性 / 女性 / M / F / male / female. Code sex_invalid.
Normalised<Sex> normalise_sex(const CellValue& value);

// Through parse_id_number (full-width, spaces, lower-case x, 15 digits -> 18). A number
// cell holding an 18-digit number has lost its last digits in Excel (2.30102198001011E+17):
// code id_number_as_number, asking for a text column. Other codes: parse_id_number's.
Normalised<IdNumber> normalise_id_number(const CellValue& value, const Date& today);

struct PhoneNumber {
  std::string text;  // 13912345678, 0451-86661234, 86661234, 0451-86661234-801
  bool mobile = false;
};

// Spaces, dashes, brackets, full-width digits, +86 / 0086 prefixes, 转 for an extension.
// Code phone_invalid.
Normalised<PhoneNumber> normalise_phone(const CellValue& value);

// The code of the dictionary entry a clerk meant, matched among the given (live, active)
// entries of one kind by code, label, short label, the label without its last character
// for ethnicities (汉 -> 汉族), or a few usual synonyms (党员 -> 中共党员, 本科 -> 大学本科,
// 团员 -> 共青团员) that resolve only to labels present in `entries`.
// Codes: dictionary_unknown (message lists the accepted labels), dictionary_ambiguous.
Normalised<std::string> match_dictionary(const CellValue& value, DictionaryKind kind,
                                         const std::vector<DictionaryEntry>& entries);

}  // namespace jinguo::domain::import
