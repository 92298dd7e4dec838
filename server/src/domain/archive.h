#pragma once
// The survey archives of the work plan (建立相应的档案): outstanding women of an area
// (优秀女性代表人物) and its women's social organisations (妇女社会组织). They are the pool
// from which nominations are later drawn. Pure rules: what an entry must be.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/person.h"

namespace jinguo::domain {

// A registered woman known for an honour or a field, proposed by a body of the tree.
struct OutstandingWoman {
  std::int64_t id = 0;
  PersonId person_id = 0;
  OrganisationId organisation_id = 0;   // the body that proposed her (its subtree sees the entry)
  std::string honour;                   // 三八红旗手, 巾帼建功标兵, 致富带头人 …
  std::optional<std::string> field;     // the field she is known for: 农业, 法律, 教育 …
  std::optional<int> year;              // of the honour
  std::optional<std::string> notes;
};

// A women's social organisation in the area of a body of the tree.
struct SocialOrganisation {
  std::int64_t id = 0;
  OrganisationId organisation_id = 0;   // the body whose area it is in
  std::string name;
  std::optional<std::string> kind;      // 社会团体, 民办非企业单位, 社区社会组织, 自组织 …
  std::optional<std::string> field;     // 养老, 家庭教育, 文体 …
  std::optional<std::string> head_name; // its head (负责人)
  std::optional<int> member_count;
  std::optional<std::string> contact;   // a phone number of the organisation or its head
  std::optional<Date> founded_on;
  std::optional<std::string> notes;
};

// Trim the texts, normalise the contact phone and check every field; throws DomainError
// 422 naming the field. `today` bounds years and dates.
void normalise_and_validate(OutstandingWoman& entry, Date today);
void normalise_and_validate(SocialOrganisation& entry, Date today);

}  // namespace jinguo::domain
