"""Every word a person reads, in Vietnamese (the default) and English: one table per place
the words are shown (explanations, reports, diffs, the command line, the period review and
impact tables, target nouns). Codes stay English; these are their words.

It is data only and imports nothing of the package, so every stage may use it.
"""

from __future__ import annotations

from typing import Literal

#: The languages of every text a person reads.
Lang = Literal["vi", "en"]

__all__ = [
    "CLI_WORDS",
    "DIFF_VALUE_WORDS",
    "DIFF_WORDS",
    "EXPLANATION_WORDS",
    "IMPACT_WORDS",
    "REPORT_COMMAND_WORDS",
    "REPORT_LABELS",
    "REVIEW_WORDS",
    "TARGET_NOUNS",
    "TARGET_WORDS",
    "Lang",
]

EXPLANATION_WORDS: dict[str, dict[Lang, str]] = {
    "subject": {"vi": "Đối tượng", "en": "Subject"},
    "set": {"vi": "Bộ tiêu chí", "en": "Criteria set"},
    "year": {"vi": "Năm đánh giá", "en": "Evaluation year"},
    "total": {"vi": "Tổng điểm", "en": "Total"},
    "decision": {"vi": "Kết quả", "en": "Decision"},
    "grade": {"vi": "Xếp loại", "en": "Grade"},
    "grade_range": {"vi": "chưa xác định — tùy minh chứng còn thiếu, từ {low} đến {high}",
                    "en": "not decided — depending on the missing evidence, from {low} to "
                          "{high}"},
    "no_grade": {"vi": "không xếp loại", "en": "no grade"},
    "points": {"vi": "điểm", "en": "points"},
    "mandatory": {"vi": "bắt buộc", "en": "mandatory"},
    "read": {"vi": "giá trị đã đọc", "en": "values read"},
    "absent": {"vi": "chưa có", "en": "not given"},
    "gaps": {"vi": "Cần đạt thêm để được công nhận", "en": "To be recognised, also meet"},
    "unreachable": {"vi": "Dù đạt mọi chỉ số còn thiếu vẫn chưa đủ điều kiện công nhận.",
                    "en": "Even meeting every remaining indicator would not be enough."},
    "greedy": {"vi": "(bộ tiêu chí có quá nhiều chỉ số để thử mọi tổ hợp: đây là một cách "
                     "đạt, chưa chắc là cách ít chỉ số nhất)",
               "en": "(the set has too many indicators to try every combination: this is one "
                     "way to pass, not always the one with the fewest indicators)"},
    "evidence": {"vi": "minh chứng", "en": "evidence"},
    "unverified": {"vi": "chưa được xác minh nguồn", "en": "source not verified"},
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "recognised": {"vi": "Đạt — đủ điều kiện công nhận", "en": "Recognised"},
    "not_recognised": {"vi": "Không đạt — chưa đủ điều kiện công nhận",
                       "en": "Not recognised"},
    "incomplete": {"vi": "Chưa đủ minh chứng để kết luận", "en": "Incomplete: evidence missing"},
    "met": {"vi": "đạt", "en": "met"},
    "partly_met": {"vi": "đạt một phần", "en": "partly met"},
    "not_met": {"vi": "không đạt", "en": "not met"},
    "missing": {"vi": "thiếu minh chứng", "en": "evidence missing"},
    "history": {"vi": "kết quả các năm trước", "en": "earlier results"},
    "history_none": {"vi": "chưa ghi nhận năm nào", "en": "no earlier year recorded"},
    "not recorded": {"vi": "chưa ghi nhận", "en": "not recorded"},
    "absent_year": {"vi": "không có trong năm đó", "en": "not there that year"},
}


#: Every word the report shows, in Vietnamese and English.
REPORT_LABELS: dict[str, dict[Lang, str]] = {
    "title": {"vi": "Báo cáo kết quả xây dựng các mô hình học tập năm {year}",
              "en": "Learning models: annual report {year}"},
    "summary": {"vi": "Tổng hợp", "en": "Summary"},
    "summary_intro": {"vi": "Kết quả so với chỉ tiêu của kế hoạch, theo địa bàn.",
                      "en": "Results against the plan's targets, by area."},
    "lists": {"vi": "Danh sách đề nghị công nhận", "en": "Recognition lists"},
    "lists_intro": {"vi": "Các đối tượng đạt tiêu chí, đề nghị công nhận, theo xã/phường, với "
                          "điểm và xếp loại. Hồ sơ không đạt hoặc chưa đủ minh chứng không "
                          "có trong danh sách này; tệp results.csv có kết quả của mọi hồ sơ.",
                    "en": "The subjects that meet the criteria, proposed for recognition, by "
                          "commune, with their score and grade. Records not recognised or "
                          "incomplete are not listed here; results.csv has every record's "
                          "result."},
    "lists_rest": {"vi": "Không đưa vào danh sách: {items} (xem results.csv).",
                   "en": "Not listed: {items} (see results.csv)."},
    "rest_not_recognised": {"vi": "{n} hồ sơ không đạt", "en": "{n} not recognised"},
    "rest_incomplete": {"vi": "{n} hồ sơ chưa đủ minh chứng", "en": "{n} incomplete"},
    "lists_none": {"vi": "Không có đối tượng đề nghị công nhận.",
                   "en": "No subject is proposed for recognition."},
    "lists_rest_head": {"vi": "Hồ sơ không đưa vào danh sách (xem results.csv)",
                        "en": "Records not listed (see results.csv)"},
    "lists_toc": {"vi": "Mỗi xã, phường có trang danh sách riêng (mở từ tên xã, phường), "
                        "{rows} đối tượng một trang.",
                  "en": "Each commune's list is on pages of its own (open them from the "
                        "commune's name), {rows} subjects a page."},
    "proposed": {"vi": "Đề nghị công nhận", "en": "Proposed"},
    "not_listed": {"vi": "Không đưa vào danh sách", "en": "Not listed"},
    "pages": {"vi": "Trang", "en": "Pages"},
    "page_of": {"vi": "Trang {n}/{pages}", "en": "Page {n} of {pages}"},
    "back_to_report": {"vi": "← Về báo cáo tổng hợp", "en": "← Back to the report"},
    "previous_page": {"vi": "← Trang trước", "en": "← Previous page"},
    "next_page": {"vi": "Trang sau →", "en": "Next page →"},
    "notice": {"vi": "Lưu ý về nguồn của bộ tiêu chí", "en": "About the criteria's sources"},
    "notice_sources": {"vi": "Nguồn của bộ tiêu chí", "en": "The criteria's sources"},
    "notice_unverified": {
        "vi": "Lưu ý: bộ tiêu chí “{title}” ({id}; văn bản nguồn: {document}) có "
              "{unverified}/{total} chỉ tiêu chưa được đối chiếu với văn bản gốc (verified: "
              "false); đã đối chiếu {verified}/{total} chỉ tiêu ({share}).",
        "en": "Note: the criteria set “{title}” ({id}; source document: {document}) has "
              "{unverified} of {total} indicators not checked against the original document "
              "(verified: false); {verified} of {total} are verified ({share})."},
    "notice_verified": {
        "vi": "Bộ tiêu chí “{title}” ({id}; văn bản nguồn: {document}): cả {total}/{total} "
              "chỉ tiêu đã được đối chiếu với văn bản gốc.",
        "en": "The criteria set “{title}” ({id}; source document: {document}): all {total} "
              "indicators are checked against the original document."},
    "notice_overlay": {
        "vi": "Bộ tiêu chí {id} được điều chỉnh tại địa phương: “{name}” ({who}) — {changes}.",
        "en": "The set {id} is changed locally: “{name}” ({who}) — {changes}."},
    "notice_closing": {
        "vi": "Các chỉ tiêu chưa đối chiếu là bản dựng lại khi chưa tìm được văn bản chính "
              "thức; cần đối chiếu với văn bản gốc trước khi dùng kết quả để công nhận chính "
              "thức.",
        "en": "Unverified indicators are reconstructions made where the official text was "
              "not found; check them against the original documents before the results are "
              "used for official recognition."},
    "no_document": {"vi": "chưa xác định", "en": "none named"},
    "document": {"vi": "Văn bản nguồn", "en": "Source document"},
    "verified": {"vi": "Chỉ tiêu đã đối chiếu", "en": "Indicators verified"},
    "verified_share": {"vi": "{verified}/{total} ({share})",
                       "en": "{verified} of {total} ({share})"},
    "sources": {"vi": "Nguồn số liệu", "en": "Sources"},
    "notes": {"vi": "Ghi chú", "en": "Notes"},
    "year": {"vi": "Năm đánh giá", "en": "Evaluation year"},
    "sets": {"vi": "Bộ tiêu chí", "en": "Criteria sets"},
    "by_set": {"vi": "Theo bộ tiêu chí (toàn bộ dữ liệu)",
               "en": "By criteria set (whole dataset)"},
    "set_id": {"vi": "Mã bộ tiêu chí", "en": "Criteria set"},
    "set_applies_to": {"vi": "Áp dụng cho", "en": "Applies to"},
    "targets": {"vi": "Chỉ tiêu theo kế hoạch", "en": "Targets (plan)"},
    "no_targets": {"vi": "không so với chỉ tiêu", "en": "no targets given"},
    "engine": {"vi": "Phần mềm", "en": "Software"},
    "hash": {"vi": "Mã băm nội dung", "en": "Content hash"},
    "period": {"vi": "Giai đoạn", "en": "Period"},
    "model": {"vi": "Mô hình", "en": "Model"},
    "records": {"vi": "Hồ sơ đầu vào", "en": "Input records"},
    "input_rows": {"vi": "{rows} hồ sơ đầu vào: {evaluated} đã đánh giá, {rejected} bị từ chối",
                   "en": "{rows} input records: {evaluated} evaluated, {rejected} rejected"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "code": {"vi": "Mã", "en": "Code"},
    "level": {"vi": "Cấp", "en": "Level"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "reached": {"vi": "Số đạt", "en": "Reached"},
    "denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "denominator_kind": {"vi": "Cơ sở mẫu số", "en": "Denominator basis"},
    "rate": {"vi": "Tỷ lệ", "en": "Rate"},
    "target": {"vi": "Chỉ tiêu", "en": "Target"},
    "milestone": {"vi": "Mốc năm", "en": "Milestone"},
    "gap": {"vi": "Còn thiếu", "en": "Still needed"},
    "assessment": {"vi": "Nhận xét", "en": "Assessment"},
    "change": {"vi": "So với năm {year}", "en": "Change since {year}"},
    "rate_in": {"vi": "Tỷ lệ {year}", "en": "Rate {year}"},
    "points_change": {"vi": "{sign}{value} điểm % (từ {before})",
                      "en": "{sign}{value} pts (from {before})"},
    "subjects": {"vi": "Số hồ sơ", "en": "Records"},
    "evaluated": {"vi": "Đã đánh giá", "en": "Evaluated"},
    "recognised": {"vi": "Đạt", "en": "Recognised"},
    "not_recognised": {"vi": "Không đạt", "en": "Not recognised"},
    "incomplete": {"vi": "Chưa đủ minh chứng", "en": "Incomplete"},
    "rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "area_total": {"vi": "tổng số của địa bàn", "en": "area total"},
    "subjects_basis": {"vi": "số hồ sơ trong dữ liệu", "en": "records in the data"},
    "subjects_note": {"vi": "† Mẫu số là số hồ sơ trong dữ liệu vì danh mục địa bàn chưa có "
                            "tổng số.",
                      "en": "† The denominator is the number of records in the data: the "
                            "area list gives no total."},
    "citizens_basis": {"vi": "số người trong dữ liệu", "en": "people in the data"},
    "number": {"vi": "STT", "en": "No."},
    "id": {"vi": "Mã hồ sơ", "en": "ID"},
    "name": {"vi": "Tên", "en": "Name"},
    "score": {"vi": "Điểm", "en": "Score"},
    "max_score": {"vi": "Điểm tối đa", "en": "Out of"},
    "grade": {"vi": "Xếp loại", "en": "Grade"},
    "grade_range": {"vi": "{low} – {high} (chưa xác định: thiếu minh chứng)",
                    "en": "{low} – {high} (not decided: evidence missing)"},
    "decision": {"vi": "Kết quả", "en": "Decision"},
    "commune": {"vi": "Xã/phường", "en": "Commune"},
    "total_row": {"vi": "Toàn bộ dữ liệu", "en": "Whole dataset"},
    "sum_row": {"vi": "Tổng cộng", "en": "Total"},
    "short_family": {"vi": "Gia đình học tập", "en": "Learning families"},
    "short_clan": {"vi": "Dòng họ học tập", "en": "Learning clans"},
    "short_community": {"vi": "Cộng đồng học tập", "en": "Learning communities"},
    "short_unit": {"vi": "Đơn vị học tập", "en": "Learning units"},
    "short_citizen": {"vi": "Công dân học tập", "en": "Learning citizens"},
    "unknown_area": {"vi": "Chưa xác định địa bàn", "en": "Area unknown"},
    "chart": {"vi": "Tỷ lệ đạt theo xã/phường so với chỉ tiêu {target} ({year})",
              "en": "Rate by commune against the target of {target} ({year})"},
    "chart_no_target": {"vi": "Tỷ lệ đạt theo xã/phường", "en": "Rate by commune"},
    "unmeasured": {"vi": "Chỉ tiêu chưa tính được từ dữ liệu (cần báo cáo riêng): {items}",
                   "en": "Targets the data cannot measure (report them separately): {items}"},
    "citizens_in_learning_households": {
        "vi": "Công dân học tập trong gia đình, dòng họ, cộng đồng học tập",
        "en": "Learning citizens among workers in learning families, clans, communities"},
    "citizens_in_learning_units": {
        "vi": "Công dân học tập trong đơn vị học tập",
        "en": "Learning citizens among staff of learning units"},
    "level_all": {"vi": "Toàn bộ", "en": "All"},
    "level_country": {"vi": "Toàn quốc", "en": "Country"},
    "level_province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "level_district": {"vi": "Huyện/quận", "en": "District"},
    "level_commune": {"vi": "Xã/phường", "en": "Commune"},
    "level_village": {"vi": "Thôn/tổ dân phố", "en": "Village"},
    "programme": {"vi": "Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng "
                        "đồng, đơn vị (Quyết định 387/QĐ-TTg)",
                  "en": "Lifelong learning in families, clans, communities and units "
                        "(Decision 387/QĐ-TTg)"},
    "contents": {"vi": "Nội dung", "en": "Contents"},
    "still": {"vi": "thiếu {gap}", "en": "{gap} short"},
    "met_short": {"vi": "đạt chỉ tiêu", "en": "target met"},
    "overlays": {"vi": "Điều chỉnh của địa phương", "en": "Local changes (overlays)"},
    "overlay_plugin": {"vi": "Gói mở rộng", "en": "Plugin"},
    "overlay_changes": {"vi": "Thay đổi", "en": "Changes"},
    "overlay_file": {"vi": "tệp điều chỉnh", "en": "overlay file"},
    "overlay_by": {"vi": "gói mở rộng {plugin}", "en": "plugin {plugin}"},
    "generated": {"vi": "Lập từ dữ liệu năm {year} bằng {engine}.",
                  "en": "Built from the {year} data with {engine}."},
    "former_area": {"vi": "{name} (địa bàn cũ): {areas}", "en": "{name} (former area): {areas}"},
    "former_many": {"vi": "{n} địa bàn", "en": "{n} areas"},
    "former_note": {
        "vi": "Địa bàn của chỉ tiêu, {name} (mã {code}), không có trong danh mục địa bàn của "
              "dữ liệu; theo bảng chuyển đổi địa bàn, nay thuộc: {areas}. Số liệu tổng hợp là "
              "của các địa bàn này.",
        "en": "The targets' area, {name} (code {code}), is not in the data's area list; by "
              "the crosswalk it now lies in: {areas}. The figures are those of these areas."},
    "quality": {"vi": "Chất lượng số liệu", "en": "Data quality"},
    "quality_mark": {"vi": "Số liệu chưa đầy đủ", "en": "Incomplete data"},
    "quality_intro": {
        "vi": "Các vấn đề của dữ liệu làm ảnh hưởng đến số liệu của báo cáo (tệp, dòng, cột; "
              "số liệu bị ảnh hưởng):",
        "en": "Problems of the data that affect the report's figures (file, row, column; "
              "the figures affected):"},
    "doubtful": {"vi": "⚠ số liệu chưa đầy đủ (xem mục Chất lượng số liệu)",
                 "en": "⚠ incomplete data (see Data quality)"},
    "quality_more": {"vi": "… và {n} vấn đề khác (xem rollup.json và errors.csv).",
                     "en": "… and {n} more (see rollup.json and errors.csv)."},
    "over_total": {"vi": "lỗi số liệu: {subjects} hồ sơ, nhiều hơn tổng số của địa bàn "
                         "({total}); tỷ lệ không được công bố",
                   "en": "data problem: {subjects} records, more than the area's total "
                         "({total}); no rate is published"},
    "area_not_found": {
        "vi": "địa bàn của chỉ tiêu, {name} (mã {code}), không có trong danh mục địa bàn của "
              "dữ liệu và không bảng chuyển đổi địa bàn nào cho biết nay nó thuộc địa bàn "
              "nào: báo cáo không được lập (không lấy địa bàn khác thay cho nó)\n"
              "  gợi ý: thêm dữ liệu năm trước cải cách (--previous DATA --previous-year "
              "NĂM), một bảng chuyển đổi địa bàn có mã {code}, hoặc dùng chỉ tiêu của địa bàn "
              "hiện nay",
        "en": "the targets' area, {name} (code {code}), is not in the data's area list and no "
              "crosswalk says which areas it became: no report is made (no other area is "
              "taken for it)\n"
              "  hint: add the dataset of a year before the reform (--previous DATA "
              "--previous-year YEAR), a crosswalk that maps {code}, or targets of a current "
              "area"},
    "previous_rejected": {
        "vi": "Dữ liệu năm {year} dùng để so sánh có {n} hồ sơ bị từ chối (xem errors.csv); "
              "số liệu năm {year} không tính các hồ sơ này.",
        "en": "The {year} data compared with has {n} rejected records (see errors.csv); the "
              "{year} figures leave them out."},
}


DIFF_WORDS: dict[str, dict[Lang, str]] = {
    "header": {"vi": "Thay đổi từ {old} sang {new}", "en": "Changes from {old} to {new}"},
    "models": {"vi": "Lưu ý: hai bộ tiêu chí dành cho hai mô hình khác nhau ({old} và {new}).",
               "en": "Note: the two sets are for different models ({old} and {new})."},
    "none": {"vi": "Không có thay đổi.", "en": "No changes."},
    "set": {"vi": "Bộ tiêu chí", "en": "The set"},
    "grades": {"vi": "Xếp loại", "en": "Grades"},
    "inputs": {"vi": "Minh chứng đầu vào", "en": "Inputs"},
    "derived": {"vi": "Giá trị dẫn xuất", "en": "Derived values"},
    "criterion": {"vi": "Tiêu chí", "en": "Criterion"},
    "points": {"vi": "điểm", "en": "points"},
    "from": {"vi": "từ", "en": "from"},
    "moved": {"vi": "chuyển từ tiêu chí {old} sang {new}",
              "en": "moved from criterion {old} to {new}"},
    "yes": {"vi": "có", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "absent": {"vi": "không có", "en": "none"},
    "value.added": {"vi": "thêm giá trị {value}", "en": "value added: {value}"},
    "value.removed": {"vi": "bỏ giá trị {value}", "en": "value removed: {value}"},
    "value.label.vi": {"vi": "nhãn tiếng Việt của {value}", "en": "Vietnamese label of {value}"},
    "value.label.en": {"vi": "nhãn tiếng Anh của {value}", "en": "English label of {value}"},
    # field names
    "model": {"vi": "mô hình", "en": "model"},
    "period": {"vi": "giai đoạn", "en": "period"},
    "applies_to": {"vi": "áp dụng cho", "en": "applies to"},
    "from.when": {"vi": "chỉ đếm khi", "en": "counted only when"},
    "title.vi": {"vi": "tên tiếng Việt", "en": "Vietnamese title"},
    "title.en": {"vi": "tên tiếng Anh", "en": "English title"},
    "pass": {"vi": "điều kiện công nhận", "en": "pass rule"},
    "max_total": {"vi": "tổng điểm tối đa", "en": "maximum total"},
    "source.document": {"vi": "văn bản nguồn", "en": "source document"},
    "source.issuer": {"vi": "cơ quan ban hành", "en": "issued by"},
    "source.date": {"vi": "ngày ban hành", "en": "date of issue"},
    "source.url": {"vi": "địa chỉ văn bản", "en": "source address"},
    "source.verified": {"vi": "nguồn đã xác minh", "en": "source verified"},
    "min": {"vi": "điểm tối thiểu", "en": "minimum points"},
    "type": {"vi": "kiểu", "en": "type"},
    "values": {"vi": "giá trị", "en": "values"},
    "minimum": {"vi": "tối thiểu", "en": "minimum"},
    "maximum": {"vi": "tối đa", "en": "maximum"},
    "required": {"vi": "bắt buộc phải có", "en": "required"},
    "expression": {"vi": "biểu thức", "en": "expression"},
    "mandatory": {"vi": "bắt buộc", "en": "mandatory"},
    "when": {"vi": "điều kiện", "en": "condition"},
    "levels": {"vi": "các mức", "en": "levels"},
    "awarded": {"vi": "điểm chấm", "en": "points awarded"},
    "verified": {"vi": "nguồn đã xác minh", "en": "source verified"},
}


#: The words for the values of a ``type`` field (an input's type) and of ``model``.
DIFF_VALUE_WORDS: dict[str, dict[str, dict[Lang, str]]] = {
    "type": {
        "integer": {"vi": "số nguyên", "en": "integer"},
        "number": {"vi": "số", "en": "number"},
        "boolean": {"vi": "có/không", "en": "boolean"},
        "string": {"vi": "văn bản", "en": "string"},
        "enum": {"vi": "lựa chọn", "en": "enum"},
    },
    "model": {
        "citizen": {"vi": "Công dân học tập", "en": "learning citizen"},
        "family": {"vi": "Gia đình học tập", "en": "learning family"},
        "clan": {"vi": "Dòng họ học tập", "en": "learning clan"},
        "community": {"vi": "Cộng đồng học tập", "en": "learning community"},
        "unit": {"vi": "Đơn vị học tập", "en": "learning unit"},
    },
}


CLI_WORDS: dict[str, dict[Lang, str]] = {
    "same": {"vi": " (và {n} hồ sơ khác cùng lỗi này)",
             "en": " (and {n} more records with the same problem)"},
    "more": {"vi": "… và {n} lỗi khác ({see})", "en": "… and {n} more problems ({see})"},
    "see_file": {"vi": "xem {file}", "en": "see {file}"},
    "see_json": {"vi": "xem mục 'errors' của kết quả JSON",
                 "en": "see 'errors' in the JSON output"},
    "see_none": {"vi": "xem tất cả: --errors FILE", "en": "all of them: --errors FILE"},
}


REPORT_COMMAND_WORDS: dict[str, dict[Lang, str]] = {
    "read": {"vi": "Đọc dữ liệu", "en": "Reading the data"},
    "evaluate": {"vi": "Đánh giá", "en": "Evaluating"},
    "previous": {"vi": "Đánh giá năm {year}", "en": "Evaluating {year}"},
    "rollup": {"vi": "Tổng hợp theo địa bàn", "en": "Rolling up by area"},
    "xlsx": {"vi": "Ghi báo cáo Excel", "en": "Writing the workbook"},
    "html": {"vi": "Ghi báo cáo HTML", "en": "Writing the web page"},
    "results": {"vi": "Ghi kết quả", "en": "Writing the results"},
    "write": {"vi": "Ghi báo cáo {name}", "en": "Writing {name}"},
    "notify": {"vi": "Báo cho các gói mở rộng", "en": "Telling the plugins"},
    "written": {"vi": "Đã ghi", "en": "Written"},
    "files": {"vi": "{n} tệp", "en": "{n} files"},
    "refused": {"vi": "Không ghi báo cáo (--strict): dữ liệu có vấn đề như trên.",
                "en": "No report written (--strict): the data has the problems above."},
    "history": {"vi": "Ghi vào lịch sử", "en": "Recording in the history"},
    "recorded": {"vi": "Đã ghi vào lịch sử {place}: lượt {run} (năm {year}, {subjects} kết "
                       "quả), lượt hiện hành của năm {year}",
                 "en": "Recorded in the history {place}: run {run} ({year}, {subjects} "
                       "results), the current run of {year}"},
    "previous_rows": {"vi": "Dữ liệu năm {year} để so sánh ({path}): {rows} hồ sơ đầu vào, "
                            "{evaluated} đã đánh giá, {rejected} bị từ chối",
                      "en": "The {year} data compared with ({path}): {rows} input records, "
                            "{evaluated} evaluated, {rejected} rejected"},
    "line": {"vi": "{title}: {evaluated} đã đánh giá — {recognised} đạt, {not_recognised} "
                   "không đạt, {incomplete} chưa đủ minh chứng; {rejected} bị từ chối",
             "en": "{title}: {evaluated} evaluated — {recognised} recognised, "
                   "{not_recognised} not recognised, {incomplete} incomplete; "
                   "{rejected} rejected"},
    "set_line": {"vi": "{id} ({title}): {evaluated} đã đánh giá — {recognised} đạt, "
                       "{not_recognised} không đạt, {incomplete} chưa đủ minh chứng",
                 "en": "{id} ({title}): {evaluated} evaluated — {recognised} recognised, "
                       "{not_recognised} not recognised, {incomplete} incomplete"},
    "rate": {"vi": "tỷ lệ {rate} ({recognised}/{denominator}, mẫu số: {basis})",
             "en": "rate {rate} ({recognised}/{denominator}, denominator: {basis})"},
}


IMPACT_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"vi": "Tác động của việc thay đổi bộ tiêu chí {model}",
              "en": "Impact of a change of the {model} criteria"},
    "subtitle": {"vi": "{before} → {after}, dữ liệu năm {year}",
                 "en": "{before} → {after}, {year} data"},
    "model": {"vi": "Mô hình", "en": "Model"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "before": {"vi": "Đạt (trước)", "en": "Recognised (before)"},
    "after": {"vi": "Đạt (sau)", "en": "Recognised (after)"},
    "gained": {"vi": "Thêm đạt", "en": "Gained"},
    "lost": {"vi": "Mất công nhận", "en": "Lost"},
    "changed": {"vi": "Đổi trạng thái khác", "en": "Other status change"},
    "regraded": {"vi": "Đổi xếp loại", "en": "Grade changed"},
    "causes": {"vi": "Chỉ số gây thay đổi (số hồ sơ)", "en": "Indicators causing it (subjects)"},
    "targets": {"vi": "Chỉ tiêu (trước → sau)", "en": "Targets (before → after)"},
    "none": {"vi": "Không có hồ sơ nào thay đổi kết quả.",
             "en": "No subject's result changes."},
    "met": {"vi": "đạt", "en": "met"},
    "short": {"vi": "thiếu {gap}", "en": "{gap} short"},
    "whole": {"vi": "Toàn bộ dữ liệu", "en": "Whole dataset"},
}


REVIEW_WORDS: dict[str, dict[Lang, str]] = {
    "title": {"vi": "Báo cáo {kind} giai đoạn {period}", "en": "Review of {period}"},
    "interim": {"vi": "sơ kết", "en": "interim"},
    "final": {"vi": "tổng kết", "en": "final"},
    "subtitle": {"vi": "Các năm có số liệu: {years}; chỉ tiêu: {targets}",
                 "en": "Years with figures: {years}; targets: {targets}"},
    "area": {"vi": "Địa bàn", "en": "Area"},
    "model": {"vi": "Mô hình", "en": "Model"},
    "year": {"vi": "Năm", "en": "Year"},
    "recognised": {"vi": "Được công nhận", "en": "Recognised"},
    "denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "rate": {"vi": "Tỷ lệ", "en": "Rate"},
    "milestone": {"vi": "Chỉ tiêu năm {year}", "en": "Milestone {year}"},
    "milestone_col": {"vi": "Chỉ tiêu", "en": "Milestone"},
    "met": {"vi": "Đạt chỉ tiêu", "en": "Met"},
    "yes": {"vi": "đạt", "en": "yes"},
    "no": {"vi": "chưa đạt", "en": "no"},
    "goal": {"vi": "Chỉ tiêu cuối giai đoạn", "en": "Goal of the period"},
    "reached": {"vi": "Năm đạt", "en": "Reached in"},
    "gap": {"vi": "Còn thiếu (năm cuối)", "en": "Still needed (last year)"},
    "every_year": {"vi": "Được công nhận tất cả các năm", "en": "Recognised every year"},
    "lost": {"vi": "Mất danh hiệu", "en": "Lost recognition"},
    "subject": {"vi": "Mã hồ sơ", "en": "Subject"},
    "recognised_in": {"vi": "Đạt năm", "en": "Recognised in"},
    "lost_in": {"vi": "Không đạt năm", "en": "Not recognised in"},
    "status": {"vi": "Kết quả", "en": "Status"},
    "whole": {"vi": "Toàn bộ dữ liệu", "en": "Whole dataset"},
    "none": {"vi": "không có", "en": "none"},
    "carried": {"vi": "Số liệu năm {year} của các địa bàn cũ được cộng vào địa bàn mới theo bảng "
                      "chuyển đổi địa bàn: {pairs}.",
                "en": "The {year} figures of former areas are added to the areas they became "
                      "(crosswalk): {pairs}."},
    "more": {"vi": "… và {n} hồ sơ khác (xem tệp Excel).",
             "en": "… and {n} more (see the workbook)."},
}


#: What a target counts, for the gap sentence: singular and plural, vi and en.
#: The gap sentence of a target that names its criteria sets (``sets:``): what it counts.
TARGET_WORDS: dict[str, dict[Lang, str]] = {
    "counted": {
        "vi": "chỉ tiêu chỉ tính đối tượng của bộ tiêu chí {sets}: {reached}/{denominator} "
              "({share}); {gap}",
        "en": "the target counts only the subjects of the criteria set {sets}: "
              "{reached}/{denominator} ({share}); {gap}",
    },
}
TARGET_NOUNS: dict[str, dict[Lang, tuple[str, str]]] = {
    "family": {"vi": ("gia đình học tập",) * 2, "en": ("learning family", "learning families")},
    "clan": {"vi": ("dòng họ học tập",) * 2, "en": ("learning clan", "learning clans")},
    "community": {"vi": ("cộng đồng học tập",) * 2,
                  "en": ("learning community", "learning communities")},
    "unit": {"vi": ("đơn vị học tập",) * 2, "en": ("learning unit", "learning units")},
    "citizen": {"vi": ("công dân học tập",) * 2,
                "en": ("learning citizen", "learning citizens")},
}
