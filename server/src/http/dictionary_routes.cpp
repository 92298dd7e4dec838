#include <spdlog/spdlog.h>

#include "http/api.h"
#include "http/dto.h"
#include "http/observability.h"
#include "http/request.h"
#include "storage/activity.h"

namespace jinguo::http {

namespace {

constexpr std::chrono::milliseconds kHealthWait{2000};

domain::DictionaryKind kind_of(const httplib::Request& req) {
  auto kind = domain::dictionary_kind_from_code(req.matches[1].str());
  if (!kind) throw domain::not_found("kind", "没有这种字典", "no such dictionary");
  return *kind;
}

}  // namespace

void add_dictionary_routes(Api& api, services::Registry& registry) {
  api.get("/api/dictionaries", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, json_of(dto::dictionaries, registry.Dictionary(std::nullopt))};
  });

  api.get(R"(/api/dictionaries/([a-z_]+))", [&](const httplib::Request& req, const services::Actor&) {
    return Reply{200, json_of(dto::dictionary_entries, registry.Dictionary(kind_of(req)))};
  });

  api.post(R"(/api/dictionaries/([a-z_]+))", [&](const httplib::Request& req, const services::Actor& actor) {
    auto kind = kind_of(req);
    JsonBody body(req.body, {"code", "label", "label_en", "short_label", "sort_order", "active", "body_types"});
    domain::DictionaryEntry e;
    e.kind = kind;
    e.code = body.required_text("code");
    e.label = body.required_text("label");
    e.label_en = body.text("label_en");
    e.short_label = body.text("short_label");
    e.sort_order = static_cast<int>(body.integer("sort_order").value_or(0));
    e.active = body.boolean("active").value_or(true);
    if (auto types = body.nullable_text_list("body_types")) e.body_types = *types;
    return Reply{201, json_of(dto::dictionary_entry, registry.AddDictionaryEntry(actor, e))};
  });

  api.patch(R"(/api/dictionaries/([a-z_]+)/([A-Za-z0-9_]+))",
            [&](const httplib::Request& req, const services::Actor& actor) {
              auto kind = kind_of(req);
              JsonBody body(req.body, {"label", "label_en", "short_label", "sort_order", "active", "body_types"});
              services::DictionaryChanges c;
              c.label = body.text("label");
              if (body.has("label") && !c.label)
                throw domain::invalid("required", "label", "名称不能为空", "label cannot be null");
              c.label_en = body.nullable_text("label_en");
              c.short_label = body.nullable_text("short_label");
              if (auto order = body.integer("sort_order")) c.sort_order = static_cast<int>(*order);
              c.active = body.boolean("active");
              c.body_types = body.nullable_text_list("body_types");
              return Reply{200, json_of(dto::dictionary_entry,
                                        registry.UpdateDictionaryEntry(actor, kind, req.matches[2].str(), c))};
            });
}

void add_meta_routes(Api& api, services::Registry& registry, storage::Database& db) {
  // Cheap enough to be polled by a load balancer: one trivial query, and no waiting behind a
  // busy pool for longer than kHealthWait. 503 with the reason when the database does not answer.
  api.open("GET", "/api/health", [&](const httplib::Request&, const services::Client&) {
    auto unavailable = [&](std::string_view reason, std::string_view zh, std::string_view en) {
      JsonWriter out;
      out.begin_object()
          .field("status", "unavailable")
          .field("database", db.backend_name())
          .field("reason", reason)
          .field("message", zh)
          .field("message_en", en)
          .end_object();
      return Reply{503, std::move(out)};
    };
    try {
      if (!storage::ping_within(db, kHealthWait))
        return unavailable("database_busy", "数据库连接全部占用，请稍后再试或增加 pool_size",
                           "no database connection came free within 2 s: try again, or raise pool_size");
    } catch (const std::exception& e) {
      spdlog::error("health: the database does not answer (request {}): {}", current_request().id, e.what());
      return unavailable("database_unreachable", "数据库无法连接，请检查数据库服务与连接配置",
                         "the database does not answer: check that it runs and the database setting");
    }
    JsonWriter out;
    out.begin_object().field("status", "ok").field("database", db.backend_name()).end_object();
    return Reply{200, std::move(out)};
  });
  api.get("/api/meta", [&](const httplib::Request&, const services::Actor&) {
    return Reply{200, json_of(dto::meta, registry.today())};
  });
}

}  // namespace jinguo::http
