-- 0025: no two issuers number their certificates with the same prefix (two townships both
-- named 红旗镇妇联 in two districts printed the same 红旗镇妇证〔2016〕第0001号). An issuer
-- without a prefix of its own now takes its default at its first certificate (or, when another
-- issuer has it, the default with its level above's name before it: 呼兰区红旗镇妇证), and a
-- prefix another issuer holds is refused. Prefixes set before this were not checked: where two
-- issuers set the same one, the issuer created first keeps it and the other falls back to
-- its default (its certificates already issued keep their numbers as printed).
DELETE FROM certificate_prefixes
 WHERE EXISTS (SELECT 1 FROM certificate_prefixes AS earlier
                WHERE earlier.prefix = certificate_prefixes.prefix
                  AND earlier.organisation_id < certificate_prefixes.organisation_id);
CREATE UNIQUE INDEX certificate_prefixes_prefix ON certificate_prefixes (prefix);
