// The import's normalisers and heading recognition on arbitrary text and numbers.
#include <cstdint>
#include <cstring>
#include <string>

#include "domain/import/columns.h"
#include "domain/import/values.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jinguo::domain;
  using namespace jinguo::domain::import;
  std::string text(reinterpret_cast<const char*>(data), size);
  const Date today(2026, 11, 30);
  auto as_text = CellValue::of_text(text);
  normalise_date(as_text);
  normalise_sex(as_text);
  normalise_id_number(as_text, today);
  normalise_phone(as_text);
  clean_text(text);
  recognise_heading(text);
  DictionaryEntry entry;
  entry.kind = DictionaryKind::kEthnicity;
  entry.code = "01";
  entry.label = "汉族";
  match_dictionary(as_text, DictionaryKind::kEthnicity, {entry});
  if (size >= sizeof(double)) {
    double number;
    std::memcpy(&number, data, sizeof number);
    for (bool date : {false, true}) {
      auto as_number = CellValue::of_number(number, date);
      normalise_date(as_number, date);
      normalise_id_number(as_number, today);
      normalise_phone(as_number);
      cell_text(as_number);
    }
  }
  TextRow row{1, {{1, text}, {2, "姓名"}, {3, "性别"}}};
  if (auto header = find_header({row})) classify_rows({row, row}, *header);
  return 0;
}
