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
    "CLI_HELP",
    "CLI_WORDS",
    "DIFF_VALUE_WORDS",
    "DIFF_WORDS",
    "EXPLANATION_WORDS",
    "IMPACT_WORDS",
    "MESSAGES",
    "PROBLEM_CODES",
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
    "not_applicable": {"vi": "không áp dụng", "en": "not applicable"},
    "applies_open": {"vi": "chưa rõ có áp dụng không", "en": "not known whether it applies"},
    "items": {"vi": "các nội dung ({met}/{total} đạt)", "en": "items ({met} of {total} met)"},
    "documents": {"vi": "minh chứng đã nộp", "en": "documents given"},
    "documents_absent": {"vi": "thiếu minh chứng bắt buộc", "en": "required documents missing"},
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
    "lists_part": {"vi": "Phần {part}/{parts} của danh sách (một trang tính chứa được "
                         "{rows} dòng); số thứ tự tiếp nối phần trước.",
                   "en": "Part {part} of {parts} of the list (a sheet holds {rows} rows); "
                         "the numbers continue from the previous part."},
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
    "counted_basis": {"vi": "tổng số đối tượng của bộ tiêu chí {sets}",
                      "en": "total of the subjects of the criteria set {sets}"},
    "subjects_basis": {"vi": "số hồ sơ trong dữ liệu", "en": "records in the data"},
    "counted_note": {"vi": "‡ Chỉ tiêu chỉ tính đối tượng của bộ tiêu chí {sets}, trên tổng số "
                           "của riêng các đối tượng đó; số liệu chung của mô hình ở bảng của "
                           "mô hình.",
                     "en": "‡ The target counts only the subjects of the criteria set {sets}, "
                           "over the total of those subjects alone; the model's figures across "
                           "its sets are in the model's table."},
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
    "applies": {"vi": "áp dụng khi", "en": "applies when"},
    "items": {"vi": "các nội dung", "en": "checklist items"},
    "documents": {"vi": "minh chứng có tên", "en": "named evidence"},
    "required_documents": {"vi": "minh chứng bắt buộc", "en": "required evidence"},
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
    "measured_on": {"vi": "Chỉ tiêu tính trên", "en": "Target measured on"},
    "model_figure": {"vi": "số liệu chung của mô hình", "en": "the model's figure"},
    "target_note": {"vi": "Năm {year}, {area}, {model}: {sentence}.",
                    "en": "{year}, {area}, {model}: {sentence}."},
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
    "measured_on": {"vi": "Chỉ tiêu tính trên", "en": "Target measured on"},
    "model_figure": {"vi": "số liệu chung của mô hình", "en": "the model's figure"},
    "target_note": {"vi": "Năm {year}, {area}, {model}: {sentence}.",
                    "en": "{year}, {area}, {model}: {sentence}."},
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
    # the period review, for a year whose recorded run kept no figures of the target's sets
    "model_figure": {
        "vi": "lượt ghi của năm không lưu số liệu riêng của bộ tiêu chí {sets} (ghi trước khi "
              "lịch sử lưu, hoặc không theo chỉ tiêu này), chỉ tiêu tính trên số liệu chung "
              "của mô hình: {reached}/{denominator} ({share}); {gap}",
        "en": "the year's run kept no figures of the criteria set {sets} alone (recorded "
              "before the history kept them, or not against this target), the target is "
              "measured on the model's figure: {reached}/{denominator} ({share}); {gap}",
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


#: The help of the command line (``--help``), by key: each command's summary and the help of
#: its options, in Vietnamese and English (`_cli.argparsing.Parser` says them).
CLI_HELP: dict[str, dict[Lang, str]] = {
    "program": {"vi": "Chấm điểm minh chứng theo các bộ tiêu chí học tập suốt đời của Việt Nam.",
                "en": "Score evidence against Vietnam's lifelong-learning criteria sets."},
    "version": {"vi": "in số phiên bản rồi thoát", "en": "show program's version number and exit"},
    "language": {"vi": "ngôn ngữ của thông báo: vi (mặc định) hoặc en",
                 "en": "language of the messages: vi (the default) or en"},
    # the commands, as ``learning-models --help`` lists them
    "summary-validate": {"vi": "kiểm tra bộ tiêu chí, tệp ca kiểm thử và tệp chỉ tiêu",
                         "en": "check criteria sets, test-case files and targets files"},
    "summary-evaluate": {"vi": "chấm điểm các hồ sơ minh chứng", "en": "score evidence records"},
    "summary-explain": {"vi": "giải thích kết quả chấm điểm của một đối tượng",
                        "en": "explain one subject's evaluation"},
    "summary-schema": {"vi": "in một JSON Schema", "en": "print a JSON Schema"},
    "summary-list": {"vi": "liệt kê các bộ tiêu chí đã biết: mã, mô hình, giai đoạn, tên",
                     "en": "list the criteria sets known: id, model, period, title"},
    "summary-show": {"vi": "in một bộ tiêu chí, như đã viết hoặc đã giải (--resolved)",
                     "en": "print a criteria set, as written or resolved (--resolved)"},
    "summary-test": {"vi": "chạy các ca kiểm thử (*.test.yaml) của bộ tiêu chí",
                     "en": "run the test cases (*.test.yaml) of criteria sets"},
    "summary-template": {"vi": "ghi sổ nhập liệu trống (.xlsx) cho các bộ tiêu chí của một năm",
                         "en": "write the empty data-entry workbook (.xlsx) for a year's sets"},
    "summary-diff": {"vi": "những gì khác nhau giữa hai bộ tiêu chí",
                     "en": "what changed between two criteria sets"},
    "summary-lint": {"vi": "tìm những chỗ có thể viết nhầm trong bộ tiêu chí",
                     "en": "look for likely authoring mistakes in criteria sets"},
    "summary-report": {"vi": "tổng hợp kết quả một năm theo địa bàn, so với chỉ tiêu của kế "
                             "hoạch, và ghi báo cáo năm",
                       "en": "roll a year's results up by area against a plan's targets and "
                             "write the annual report"},
    "summary-review": {"vi": "báo cáo sơ kết giai đoạn từ lịch sử: số liệu từng năm so với các "
                             "mốc của kế hoạch",
                       "en": "the period review from a history: series by year against the "
                             "plan's milestones"},
    "summary-impact": {"vi": "một thay đổi tiêu chí làm bao nhiêu đối tượng của mỗi địa bàn đổi "
                             "kết quả, theo chiều nào, và vì sao",
                       "en": "how many subjects of each area a criteria change would move, in "
                             "which direction, and why"},
    "summary-plugins": {"vi": "liệt kê các plugin đã nạp: phiên bản, hook, điều chỉnh, bộ đọc, "
                              "bộ ghi",
                        "en": "list the plugins loaded: versions, hooks, overlays, readers, "
                              "writers"},
    "summary-serve": {"vi": "chạy dịch vụ HTTP (cần: pip install 'learning-models[server]')",
                      "en": "run the HTTP service (needs: pip install "
                            "'learning-models[server]')"},
    # the options and descriptions of the commands, as their --help shows them
    "format": {"vi": "định dạng của kết quả", "en": "the output's format"},
    "schema-which": {"vi": "lược đồ cần in", "en": "the schema to print"},
    "lang-output": {"vi": "ngôn ngữ của kết quả (mặc định: vi)",
                    "en": "language of the output (default: vi)"},
    "diff-old": {"vi": "bộ tiêu chí cũ: một tệp, hoặc mã của bộ trong danh mục",
                 "en": "the older set: a file, or a catalogue id"},
    "diff-new": {"vi": "bộ tiêu chí mới: một tệp, hoặc mã của bộ trong danh mục",
                 "en": "the newer set: a file, or a catalogue id"},
    "lang-the-text": {"vi": "ngôn ngữ của nội dung",
                      "en": "language of the text"},
    "lint-paths": {"vi": "các tệp hoặc thư mục (mặc định: các bộ tiêu chí đi kèm)",
                   "en": "files or directories (default: the shipped criteria)"},
    "lint-strict": {"vi": "báo không đạt cả khi chỉ có cảnh báo",
                    "en": "fail on warnings too"},
    "lang-messages": {"vi": "ngôn ngữ của thông báo",
                      "en": "language of the messages"},
    "test-description": {"vi": "Chạy mọi ca của các tệp kiểm thử đã nêu, và của các tệp "
                               "*.test.yaml trong các thư mục đã nêu (mặc định: các bộ tiêu chí "
                               "đi kèm). Mỗi ca không đạt được chỉ ra tại FILE:LINE, với kết quả "
                               "mong đợi và kết quả chấm thực tế; dòng cuối là 'N ca kiểm thử "
                               "đạt, M ca không đạt'. Bộ tiêu chí được tìm trong các bộ đi kèm, "
                               "các thư mục "
                               "--criteria-dir và thư mục của các tệp kiểm thử.",
                         "en": "Run every case of the test files named, and of the *.test.yaml "
                               "files below the folders named (default: the shipped criteria). "
                               "Each failing case is shown at FILE:LINE with what was expected "
                               "and what the evaluation gave; the last line is 'N passed, M "
                               "failed'. Sets are looked up among the shipped sets, the "
                               "--criteria-dir folders and the folders of the test files."},
    "test-paths": {"vi": "các tệp kiểm thử hoặc thư mục (mặc định: các bộ tiêu chí đi kèm)",
                   "en": "test files or folders (default: the shipped criteria)"},
    "lang-explanations": {"vi": "ngôn ngữ của các dòng giải thích",
                          "en": "language of the explanation lines"},
    "list-description": {"vi": "Liệt kê mọi bộ tiêu chí của danh mục (các bộ đi kèm, rồi từng thư "
                               "mục --criteria-dir) với mô hình, giai đoạn, tên, tỷ lệ chỉ báo có "
                               "nguồn đã kiểm chứng và tỷ lệ quy tắc công nhận (quy tắc đạt và "
                               "từng mức xếp loại) có nguồn đã kiểm chứng. Các lỗi của danh mục "
                               "(bộ không nạp được, mã trùng nhau, giai đoạn chồng lên nhau) được "
                               "ghi ra luồng lỗi chuẩn, với mã thoát 1.",
                         "en": "List every criteria set of the catalogue (the shipped sets, then "
                               "each --criteria-dir folder) with its model, period, title, the "
                               "share of its indicators whose source is verified and the share of "
                               "its recognition rule (the pass rule and each grade) whose source "
                               "is verified. Problems of the catalogue (sets that do not load, "
                               "duplicate ids, overlapping periods) go to standard error, with "
                               "exit status 1."},
    "lang-titles": {"vi": "ngôn ngữ của tên các bộ tiêu chí",
                    "en": "language of the titles"},
    "show-description": {"vi": "In một bộ tiêu chí theo mã (hoặc tệp), hoặc bộ có hiệu lực của "
                               "--model trong --year: tệp như đã viết, hoặc với --resolved là bộ "
                               "đầy đủ sau khi áp dụng 'extends' (và các điều chỉnh --overlay). "
                               "Lỗi của một bộ không nạp được ghi ra luồng lỗi chuẩn, với mã "
                               "thoát 3.",
                         "en": "Print a criteria set named by id (or file), or the set in force "
                               "for --model in --year: the file as written, or with --resolved "
                               "the complete set after 'extends' (and the --overlay overlays). "
                               "The problems of a set that does not load go to standard error, "
                               "with exit status 3."},
    "show-ident": {"vi": "mã của bộ tiêu chí (hoặc tệp của bộ)",
                   "en": "a set's id (or a set's file)"},
    "show-model": {"vi": "thay cho ID: bộ tiêu chí có hiệu lực của mô hình này trong --year",
                   "en": "instead of ID: the set in force for this model in --year"},
    "show-year": {"vi": "đi cùng --model: năm",
                  "en": "with --model: the year"},
    "show-resolved": {"vi": "bộ đầy đủ sau khi áp dụng 'extends', không phải tệp như đã viết",
                      "en": "the complete set after 'extends', not the file as written"},
    "lang-set-problems": {"vi": "ngôn ngữ của các lỗi khi bộ tiêu chí không nạp được",
                          "en": "language of the problems of a set that does not load"},
    "validate-description": {"vi": "Kiểm tra mọi tệp đã nêu, và mọi tệp bộ tiêu chí, tệp ca kiểm "
                                   "thử và tệp chỉ tiêu trong các thư mục đã nêu (mỗi tệp YAML "
                                   "theo 'format:' của nó). Bộ mở rộng bộ khác được giải qua một "
                                   "danh mục chung: các bộ đi kèm, các thư mục --criteria-dir, "
                                   "rồi các đường dẫn đã cho.",
                             "en": "Check every file named, and every criteria-set, test-cases "
                                   "and targets file below the folders named (each YAML file by "
                                   "its 'format:'). Sets that extend others are resolved through "
                                   "one catalogue: the shipped sets, the --criteria-dir folders, "
                                   "then the paths given."},
    "validate-paths": {"vi": "các tệp hoặc thư mục",
                       "en": "files or directories"},
    "schema-criteria": {"vi": "với 'evidence': bộ tiêu chí cần in lược đồ minh chứng, là một tệp "
                              "hoặc mã của một bộ trong danh mục",
                        "en": "with 'evidence': the set whose evidence schema to print, a file or "
                              "the id of a set in the catalogue"},
    "criteria": {"vi": "tệp bộ tiêu chí, hoặc mã của một bộ trong danh mục",
                 "en": "a criteria-set file, or the id of a set in the catalogue"},
    "evaluate-model": {"vi": "thay cho --criteria: bộ tiêu chí có hiệu lực của mô hình này trong "
                             "--year (citizen, family, clan, …)",
                       "en": "instead of --criteria: the set in force for this model in --year "
                             "(citizen, family, clan, …)"},
    "evaluate-input": {"vi": "một tệp minh chứng: .csv, .json, .yaml hoặc .parquet, hoặc - để đọc "
                             "đầu vào chuẩn (thư mục dữ liệu hoặc sổ nhập liệu: hãy dùng "
                             "'report')",
                       "en": "one evidence file: .csv, .json, .yaml or .parquet, or - for "
                             "standard input (a dataset folder or a data-entry workbook: use "
                             "'report')"},
    "evaluate-input-format": {"vi": "với --input -: định dạng của đầu vào chuẩn",
                              "en": "with --input -: the format of standard input"},
    "evaluate-year": {"vi": "năm đánh giá (trong giai đoạn của bộ tiêu chí)",
                      "en": "the evaluation year (within the set's period)"},
    "lang-text": {"vi": "ngôn ngữ của nội dung",
                  "en": "language of text"},
    "evaluate-errors": {"vi": "ghi mọi hồ sơ bị loại và lý do vào FILE (CSV: year, file, row, "
                              "line, record, field, code, message); luồng lỗi chuẩn chỉ hiện 20 "
                              "lỗi đầu",
                        "en": "write every rejected record and why to FILE (CSV: year, file, row, "
                              "line, record, field, code, message); standard error shows the "
                              "first 20"},
    "evaluate-force": {"vi": "ghi đè FILE của --errors nếu tệp đã có",
                       "en": "replace the --errors FILE when it exists"},
    "explain-subject": {"vi": "mã của đối tượng",
                        "en": "the subject's id"},
    "impact-data": {"vi": "thư mục dữ liệu hoặc sổ nhập liệu (.xlsx)",
                    "en": "a dataset folder or a data-entry workbook (.xlsx)"},
    "impact-year": {"vi": "năm đánh giá của DATA",
                    "en": "the evaluation year of DATA"},
    "impact-before": {"vi": "bộ tiêu chí đang có hiệu lực: mã hoặc tệp",
                      "en": "the set in force: an id or a file"},
    "impact-after": {"vi": "bộ tiêu chí đề xuất: mã hoặc tệp (--overlay áp dụng cho bộ này)",
                     "en": "the proposed set: an id or a file (--overlay applies to it)"},
    "targets": {"vi": "chỉ tiêu của kế hoạch",
                "en": "the plan's targets"},
    "impact-reader": {"vi": "bộ đọc minh chứng dùng để đọc DATA",
                      "en": "the evidence reader to read DATA with"},
    "impact-out": {"vi": "tệp cần ghi (bắt buộc với html và xlsx)",
                   "en": "the file to write (needed for html and xlsx)"},
    "letterhead": {"vi": "thể thức văn bản",
                   "en": "letterhead"},
    "letterhead-description": {"vi": "cơ quan ban hành báo cáo (docx) và nơi nhận; mỗi tùy chọn "
                                     "thay cho phần tương ứng trong mục letterhead của tệp chỉ "
                                     "tiêu",
                               "en": "who issues the written report (docx) and whom it goes to; "
                                     "each overrides the targets file's letterhead"},
    "issuer": {"vi": "cơ quan ban hành, ví dụ 'Hội Khuyến học\\nphường Đức Xuân' (\\n: chỗ xuống "
                     "dòng; mặc định: Hội Khuyến học của địa bàn, hoặc, với địa bàn cũ, của địa "
                     "bàn hiện nay bao gồm nó)",
               "en": "the issuing body, e.g. 'Hội Khuyến học\\nphường Đức Xuân' (\\n: where the "
                     "line breaks; default: Hội Khuyến học of the area, or, for a former area, of "
                     "the current area that holds it)"},
    "superior": {"vi": "cơ quan chủ quản, in phía trên cơ quan ban hành (mặc định: không có)",
                 "en": "the governing body printed above the issuing body (default: none)"},
    "symbol": {"vi": "ký hiệu văn bản sau chỗ để trống số (mặc định: BC-HKH)",
               "en": "the number's symbol after the blank number (default: BC-HKH)"},
    "place": {"vi": "địa danh trước ngày tháng (mặc định: tên địa bàn)",
              "en": "the place before the date (default: the area's name)"},
    "recipient": {"vi": "một nơi nhận; lặp lại được ('Lưu: VT' được thêm vào cuối; mặc định: Ủy "
                        "ban nhân dân của địa bàn)",
                  "en": "a recipient (Nơi nhận); may be repeated ('Lưu: VT' is added last; "
                        "default: the area's People's Committee)"},
    "criteria-dir": {"vi": "thư mục có thêm bộ tiêu chí, cho mã và cho 'extends' (lặp lại được; "
                           "thư mục sau thay bộ cùng mã của thư mục trước)",
                     "en": "more criteria sets, for ids and for 'extends' (repeatable; later "
                           "directories override earlier ones by id)"},
    "overlay": {"vi": "áp dụng một điều chỉnh địa phương cho các bộ tiêu chí nó nhắm tới: tên một "
                      "điều chỉnh do plugin đã cài cung cấp (xem 'learning-models plugins') hoặc "
                      "một tệp điều chỉnh; lặp lại được",
                "en": "apply a local overlay to the sets it targets: a name offered by an "
                      "installed plugin (see 'learning-models plugins') or an overlay file; "
                      "repeatable"},
    "no-plugins": {"vi": "không nạp plugin đã cài, chỉ dùng các plugin có sẵn (hoặc đặt "
                         "LEARNING_MODELS_DISABLE_PLUGINS=1)",
                   "en": "load no installed plugin, only the built-in ones (or set "
                         "LEARNING_MODELS_DISABLE_PLUGINS=1)"},
    "plugins-description": {"vi": "Liệt kê mọi plugin đã nạp (các plugin có sẵn và các plugin cài "
                                  "trong nhóm điểm vào 'learning_models') với gói và phiên bản, "
                                  "các hook nó cài đặt, các điều chỉnh nó cung cấp (tên → bộ tiêu "
                                  "chí đích), các hàm biểu thức, bộ đọc minh chứng và bộ ghi báo "
                                  "cáo của nó.",
                            "en": "List every plugin loaded (the built-in ones and those "
                                  "installed under the entry-point group 'learning_models') with "
                                  "its distribution and version, the hooks it implements, the "
                                  "overlays it offers (name → target set), its expression "
                                  "functions, evidence readers and report writers."},
    "report-data": {"vi": "thư mục dữ liệu, sổ nhập liệu (.xlsx), hoặc một tệp mà bộ đọc minh "
                          "chứng đã cài đọc được",
                    "en": "a dataset folder, a data-entry workbook (.xlsx), or a file an "
                          "installed evidence reader reads"},
    "year": {"vi": "năm đánh giá",
             "en": "the evaluation year"},
    "report-targets": {"vi": "chỉ tiêu của kế hoạch: một mã (vn-387, bac-kan-city) hoặc một tệp "
                             "chỉ tiêu",
                       "en": "the plan's targets: an id (vn-387, bac-kan-city) or a targets file"},
    "report-out": {"vi": "thư mục ghi báo cáo (mặc định: report)",
                   "en": "the folder to write the report into (default: report)"},
    "report-force": {"vi": "thay toàn bộ DIR nếu thư mục đã có tệp",
                     "en": "replace DIR as a whole when it already holds files"},
    "no-shipped": {"vi": "chỉ dùng các bộ tiêu chí của --criteria-dir, không dùng các bộ đi kèm",
                   "en": "use only the sets of --criteria-dir, not the shipped ones"},
    "report-format": {"vi": "các bộ ghi báo cáo cần dùng, cách nhau bằng dấu phẩy (mặc định: các "
                            "bộ có sẵn xlsx,html,results; plugin đã cài có thể thêm, ví dụ docx — "
                            "xem 'learning-models plugins')",
                      "en": "the report writers to use, separated by commas (default: the "
                            "built-in ones, xlsx,html,results; installed plugins may add more, "
                            "e.g. docx — see 'learning-models plugins')"},
    "report-reader": {"vi": "bộ đọc minh chứng dùng để đọc DATA (mặc định: chọn theo đuôi tệp của "
                            "DATA, hoặc 'folder' với một thư mục)",
                      "en": "the evidence reader to read DATA with (default: chosen by DATA's "
                            "suffix, or 'folder' for a folder)"},
    "previous": {"vi": "dữ liệu của một năm trước để so sánh; lặp lại được, mỗi lần kèm "
                       "--previous-year của nó",
                 "en": "an earlier year's dataset to compare with; may be repeated, each with its "
                       "--previous-year"},
    "previous-year": {"vi": "năm của dữ liệu --previous tương ứng",
                      "en": "the year of the matching --previous dataset"},
    "strict": {"vi": "không ghi báo cáo khi dữ liệu có bất kỳ lỗi nào (địa bàn, quan hệ hoặc dòng "
                     "bảng chuyển đổi bị loại, tổng số không đọc được, mã đã được sửa)",
               "en": "write no report when the data has any problem (a rejected area, relation or "
                     "crosswalk row, an unreadable total, a corrected code)"},
    "report-history": {"vi": "ghi kết quả của năm vào lịch sử này (một thư mục, hoặc địa chỉ cơ "
                             "sở dữ liệu: sqlite:///FILE, postgresql://…) thành một lần chạy mới, "
                             "hiện hành",
                       "en": "record the year's results in this history (a folder, or a database "
                             "URL: sqlite:///FILE, postgresql://…) as a new, current run"},
    "quiet": {"vi": "không hiện thanh tiến độ",
              "en": "no progress bar"},
    "report-lang": {"vi": "ngôn ngữ của báo cáo và bản tóm tắt (mặc định: vi)",
                    "en": "language of the report and the summary (default: vi)"},
    "csv-encoding": {"vi": "bảng mã của các tệp CSV: UTF-8 có BOM để Excel mở đúng (mặc định), "
                           "hoặc utf-8 không có BOM",
                     "en": "the CSV files' encoding: UTF-8 with a byte-order mark, so that Excel "
                           "opens them right (default), or plain utf-8"},
    "review-history": {"vi": "lịch sử: một thư mục, hoặc địa chỉ cơ sở dữ liệu (sqlite:///FILE, "
                             "postgresql://…)",
                       "en": "the history: a folder, or a database URL (sqlite:///FILE, "
                             "postgresql://…)"},
    "review-period": {"vi": "giai đoạn cần sơ kết, ví dụ 2021-2025",
                      "en": "the period to review, e.g. 2021-2025"},
    "review-out": {"vi": "thư mục ghi kết quả (mặc định: review)",
                   "en": "the folder to write into (default: review)"},
    "serve-description": {"vi": "Cung cấp các điểm cuối JSON có phiên bản dưới /v1, tài liệu "
                                "OpenAPI (/openapi.json) và trang của nó (/docs). Chỉ lắng nghe "
                                "trên 127.0.0.1 trừ khi --host chỉ địa chỉ khác; mọi địa chỉ khác "
                                "cần --api-keys.",
                          "en": "Serve versioned JSON endpoints under /v1, an OpenAPI document "
                                "(/openapi.json) and its page (/docs). Binds 127.0.0.1 unless "
                                "--host says otherwise; any other address needs --api-keys."},
    "host": {"vi": "địa chỉ lắng nghe (mặc định: 127.0.0.1, chỉ máy này)",
             "en": "address to listen on (default: 127.0.0.1, this machine only)"},
    "port": {"vi": "cổng (mặc định: 8000)",
             "en": "port (default: 8000)"},
    "api-keys": {"vi": "các khóa API đã băm, mỗi dòng một khóa 'NAME SHA256 [ENDPOINT ...]'; máy "
                       "khách gửi 'Authorization: Bearer KEY'",
                 "en": "hashed API keys, one 'NAME SHA256 [ENDPOINT ...]' a line; clients send "
                       "'Authorization: Bearer KEY'"},
    "hash-key": {"vi": "in SHA-256 của một khóa đọc từ đầu vào chuẩn rồi thoát",
                 "en": "print the SHA-256 of a key read from standard input, and exit"},
    "allow-criteria-upload": {"vi": "nhận bộ tiêu chí gửi kèm yêu cầu (được kiểm tra như một tệp)",
                              "en": "accept criteria-set documents in requests (validated as "
                                    "files)"},
    "max-body-mb": {"vi": "dung lượng lớn nhất của nội dung một yêu cầu (MiB)",
                    "en": "largest body (MiB)"},
    "max-records": {"vi": "số hồ sơ nhiều nhất trong một yêu cầu",
                    "en": "most records in one request"},
    "request-timeout": {"vi": "thời gian tính lâu nhất của một yêu cầu",
                        "en": "longest a request may compute"},
    "max-report-jobs": {"vi": "số việc lập báo cáo chạy cùng lúc",
                        "en": "report jobs running at once"},
    "template-output": {"vi": "sổ nhập liệu cần ghi, một tệp .xlsx (mặc định: "
                              "mau-nhap-lieu.xlsx); tệp đã có được giữ nguyên trừ khi có --force",
                        "en": "the workbook to write, an .xlsx file (default: "
                              "mau-nhap-lieu.xlsx); an existing file is kept unless --force"},
    "template-force": {"vi": "ghi đè sổ nhập liệu nếu tệp đã có",
                       "en": "overwrite the workbook if it exists"},
}


#: Every message a problem or a rejected record says, by id: a template in each language
#: with the same named parameters (``str.format`` fields; a parameter may be another message
#: of this table, rendered in the same language). ``_documents.say`` builds one.
MESSAGES: dict[str, dict[Lang, str]] = {
    # the words around a problem line
    "label-hint": {"vi": "gợi ý", "en": "hint"},
    "label-warning": {"vi": "cảnh báo", "en": "warning"},
    "label-error": {"vi": "lỗi", "en": "error"},
    "label-record": {"vi": "hồ sơ", "en": "record"},
    "verbatim": {"vi": "{text}", "en": "{text}"},
    # a record's values
    "value-invalid": {"vi": "{field!r} phải là {expected}, nhưng đã ghi '{value}'{reading}",
                      "en": "{field!r} must be {expected}, found '{value}'{reading}"},
    "expected-integer": {"vi": "số nguyên", "en": "a whole number"},
    "expected-number": {"vi": "một số", "en": "a number"},
    "expected-boolean": {"vi": "có/không (hoặc true/false, 1/0)",
                         "en": "yes/no (có/không, true/false, 1/0)"},
    "expected-text": {"vi": "văn bản", "en": "text"},
    "expected-enum": {"vi": "một trong các giá trị {words}", "en": "one of {words}"},
    "expected-enum-values": {"vi": "một trong các giá trị {words} (hoặc {values})",
                             "en": "one of {words} (or {values})"},
    "reading-dot": {"vi": ": đọc theo cách viết Việt Nam là {vi_way}, theo cách viết tiếng Anh "
                          "là {en_way}; hãy viết không có dấu chấm ({fix}) hoặc dùng dấu phẩy "
                          "thập phân",
                    "en": ": read the Vietnamese way it is {vi_way}, the English way {en_way}; "
                          "write it without the dot ({fix}) or with a decimal comma"},
    "reading-comma": {"vi": ": đọc theo cách viết Việt Nam là {vi_way}, theo cách viết tiếng "
                            "Anh là {en_way}; hãy viết không có dấu phẩy ({fix}) hoặc dùng dấu "
                            "phẩy thập phân",
                      "en": ": read the Vietnamese way it is {vi_way}, the English way "
                            "{en_way}; write it without the comma ({fix}) or with a decimal "
                            "comma"},
    "reading-space": {"vi": ": có dấu cách trong số mà không tách các nhóm ba chữ số; hãy viết "
                            "số không có dấu cách",
                      "en": ": a space inside a number that does not separate groups of three "
                            "digits; write the number without spaces"},
    "below-minimum": {"vi": "{field!r} là {value}, nhỏ hơn mức tối thiểu {minimum:g}",
                      "en": "{field!r} is {value}, below the minimum {minimum:g}"},
    "above-maximum": {"vi": "{field!r} là {value}, lớn hơn mức tối đa {maximum:g}",
                      "en": "{field!r} is {value}, above the maximum {maximum:g}"},
    "required-missing": {"vi": "thiếu thông tin bắt buộc {field!r}",
                         "en": "required input {field!r} is missing"},
    "no-id": {"vi": "hồ sơ không có mã ('id')", "en": "the record has no 'id'"},
    "id-used-before": {"vi": "mã hồ sơ '{id}' đã dùng ở dòng trước",
                       "en": "id '{id}' is used by an earlier record"},
    "id-used-in-partition": {"vi": "mã hồ sơ '{id}' đã dùng cho một hồ sơ của phần dữ liệu "
                                   "trước, tại {where}",
                             "en": "id '{id}' is used by a record of an earlier partition, "
                                   "at {where}"},
    "at-place": {"vi": ", tại {where}", "en": ", at {where}"},
    "in-place": {"vi": " ({place})", "en": " ({place})"},
    "column-number": {"vi": "cột {number} {name!r}", "en": "column {number} {name!r}"},
    "column-letter": {"vi": "cột {letter} {name!r}", "en": "column {letter} {name!r}"},
    "unknown-column": {"vi": "không có cột {column!r} trong bộ tiêu chí{suggestion}",
                       "en": "unknown column {column!r}{suggestion}; the set declares no such "
                             "input"},
    "unknown-evidence-column": {"vi": "không có cột {column!r}{suggestion}: bộ tiêu chí không có "
                                      "chỉ số {indicator!r} để nộp minh chứng",
                                "en": "unknown column {column!r}{suggestion}; the set has no "
                                      "indicator {indicator!r} to give evidence for"},
    "sets-without-model": {"vi": "'sets' trong {where} cần mô hình của chỉ tiêu",
                           "en": "'sets' in {where} needs the target's model"},
    "sets-without-model-hint": {"vi": "'sets' thu hẹp thước đo 'recognised_share' của một mô "
                                      "hình; hãy thêm 'model'",
                                "en": "sets narrow measure 'recognised_share' of one model; "
                                      "add 'model'"},
    "target-unknown-set": {"vi": "không có bộ tiêu chí {name!r} ở {where}",
                           "en": "unknown criteria set {name!r} in {where}"},
    "target-sets-of-model": {"vi": "các bộ tiêu chí của mô hình {model!r}: {ids}",
                             "en": "sets of model {model!r}: {ids}"},
    "target-set-other-model": {"vi": "bộ tiêu chí {name!r} ở {where} thuộc mô hình {other!r}, "
                                     "không phải mô hình {model!r} của chỉ tiêu",
                               "en": "criteria set {name!r} in {where} governs model {other!r}, "
                                     "not the target's {model!r}"},
    "target-set-other-model-hint": {"vi": "chỉ tiêu đếm đối tượng của các bộ tiêu chí thuộc mô "
                                          "hình của chính nó",
                                    "en": "a target counts the subjects of its own model's sets"},
    "too-many-columns": {"vi": "hồ sơ có {columns} cột; chỉ đọc tối đa {most} cột",
                         "en": "the records have {columns} columns; at most {most} are read"},
    "too-many-columns-hint": {"vi": "tệp minh chứng có một cột cho mỗi thông tin của bộ tiêu "
                                    "chí; hãy kiểm tra đúng tệp và hàng, cột không bị đảo",
                              "en": "an evidence file has one column per input of the criteria "
                                    "set; check that this is the right file and that rows and "
                                    "columns are not swapped"},
    "document-too-large": {"vi": "tài liệu lớn hơn {most} byte",
                           "en": "the document is larger than {most} bytes"},
    "document-not-utf8": {"vi": "tệp không phải UTF-8: không giải mã được byte {byte}",
                          "en": "the file is not UTF-8: byte {byte} cannot be decoded"},
    "document-not-utf8-hint": {"vi": "hãy lưu tệp theo mã UTF-8", "en": "save the file as UTF-8"},
    "document-too-deep": {"vi": "lồng nhau quá sâu", "en": "nesting is too deep"},
    "yaml-file-missing": {"vi": "không tìm thấy tệp {name!r}", "en": "file not found: {name!r}"},
    "yaml-file-folder": {"vi": "{name!r} là một thư mục, không phải một tệp",
                         "en": "{name!r} is a directory, not a file"},
    "yaml-file-unreadable": {"vi": "không đọc được {name!r}: {reason}",
                             "en": "cannot read {name!r}: {reason}"},
    "census-without-sets": {"vi": "'census' trong {where} chỉ được dùng cùng 'sets'",
                            "en": "'census' in {where} is only allowed with 'sets'"},
    "census-without-sets-hint": {"vi": "chỉ tiêu tính trên mọi bộ tiêu chí của mô hình thì dùng "
                                       "tổng số của mô hình",
                                 "en": "a target over every set of its model uses the model's "
                                       "census"},
    "did-you-mean": {"vi": " (có phải là {name!r}?)", "en": " (did you mean {name!r}?)"},
    "record-not-mapping": {"vi": "mỗi hồ sơ phải là một bảng tên thông tin và giá trị, nhưng "
                                 "có {found}",
                           "en": "a record must be a mapping of input names to values, found "
                                 "{found}"},
    "column-name-not-text": {"vi": "tên cột phải là văn bản, nhưng có {found}",
                             "en": "column names must be text, found {found}"},
    "column-name-bad": {"vi": "tên cột {name} {reason}", "en": "the column name {name} {reason}"},
    "value-bad": {"vi": "{field!r}: {reason}", "en": "{field!r}: {reason}"},
    "value-not-single": {"vi": "{field!r} phải là một giá trị đơn, nhưng có {kind}",
                         "en": "{field!r} must be a single value, found {kind}"},
    "value-not-finite": {"vi": "{field!r} phải là một số hữu hạn, nhưng có {value}",
                         "en": "{field!r} must be a finite number, found {value}"},
    "value-too-long": {"vi": "{field!r} là {reason}", "en": "{field!r} is {reason}"},
    "text-bad": {"vi": "{field!r}: {value} {reason}", "en": "{field!r}: {value} {reason}"},
    "lone-surrogate": {"vi": "chứa mã thoát \\u{code}, một nửa của cặp thay thế (surrogate), "
                             "không phải một ký tự",
                       "en": "contains the escape \\u{code}, half of a surrogate pair, which is "
                             "not a character"},
    "number-too-long": {"vi": "một số có khoảng {digits} chữ số; chỉ đọc tối đa {limit} chữ số",
                        "en": "a number of about {digits:,} digits; at most {limit:,} are read"},
    "not-utf8-text": {"vi": "{field!r} không phải văn bản UTF-8",
                      "en": "{field!r} is not UTF-8 text"},
    "kind-list": {"vi": "một danh sách", "en": "a list"},
    "kind-array": {"vi": "một mảng", "en": "an array"},
    "kind-struct": {"vi": "một nhóm trường", "en": "a group of fields"},
    "kind-duration": {"vi": "một khoảng thời gian", "en": "a duration"},
    "kind-time": {"vi": "một giờ trong ngày", "en": "a time of day"},
    "kind-other": {"vi": "một giá trị kiểu {kind}", "en": "a value of type {kind}"},
    "kind-python": {"vi": "{kind}", "en": "{kind}"},
    # reading files
    "workbook-missing": {"vi": "không có sổ tính {name!r}", "en": "no such workbook: {name!r}"},
    "workbook-kind": {"vi": "không đọc được {name!r} như một sổ tính",
                      "en": "cannot read {name!r} as a workbook"},
    "workbook-kind-hint": {"vi": "hãy lưu thành sổ tính Excel (.xlsx); tệp .ods và .xls cũng "
                                 "đọc được",
                           "en": "save it as an Excel workbook (.xlsx); .ods and .xls are read "
                                 "too"},
    "workbook-unreadable": {"vi": "không đọc được {name!r} như một sổ tính Excel: {reason}",
                            "en": "cannot read {name!r} as an Excel workbook: {reason}"},
    "workbook-save-xlsx": {"vi": "hãy mở tệp bằng Excel hoặc LibreOffice và lưu thành .xlsx",
                           "en": "open it in Excel or LibreOffice and save it as .xlsx"},
    "workbook-empty": {"vi": "không có hồ sơ đối tượng nào trong {name!r}",
                       "en": "no subject records in {name!r}"},
    "workbook-empty-hint": {"vi": "hãy điền ít nhất một trong các trang {sheets}",
                            "en": "fill in at least one of the sheets {sheets}"},
    "header-twice": {"vi": "{where}: cột {title!r} (ô {cell}) xuất hiện hai lần ở dòng tiêu đề "
                           "(lần đầu ở {first})",
                     "en": "{where}: column {title!r} (cell {cell}) appears twice in the header "
                           "(first in {first})"},
    "header-twice-hint": {"vi": "hãy đặt cho mỗi cột một tiêu đề riêng",
                          "en": "give every column its own header"},
    "header-missing": {"vi": "{where}: cột {letter} có giá trị nhưng không có tiêu đề (ô {cell} "
                             "để trống)",
                       "en": "{where}: column {letter} has values but no header (cell {cell} "
                             "is empty)"},
    "evidence-kind": {"vi": "không đọc được {name!r}: không biết loại tệp {suffix!r}",
                      "en": "cannot read {name!r}: unknown kind of file {suffix!r}"},
    "evidence-kind-hint": {"vi": "hãy dùng .csv, .json, .yaml hoặc .parquet",
                           "en": "use .csv, .json, .yaml or .parquet"},
    "evidence-missing": {"vi": "không có tệp minh chứng {name!r}",
                         "en": "no such evidence file: {name!r}"},
    "evidence-too-large": {"vi": "{name!r} lớn hơn {mib} MiB; hãy dùng CSV hoặc Parquet",
                           "en": "{name!r} is larger than {mib} MiB; use CSV or Parquet"},
    "save-as-utf8": {"vi": "hãy lưu tệp theo mã UTF-8: trong Excel, File → Save As → \"CSV "
                           "UTF-8 (Comma delimited)\"; trong LibreOffice, đánh dấu \"Edit filter "
                           "settings\" và chọn \"Unicode (UTF-8)\"",
                     "en": "save it as UTF-8: in Excel, File → Save As → \"CSV UTF-8 (Comma "
                           "delimited)\"; in LibreOffice, tick \"Edit filter settings\" and "
                           "choose \"Unicode (UTF-8)\""},
    "utf16-broken": {"vi": "tệp bắt đầu như UTF-16 (\"Unicode Text\" của Excel) nhưng không "
                           "phải UTF-16 hợp lệ ở byte {byte}",
                     "en": "the file starts like UTF-16 (Excel's \"Unicode Text\") but is not "
                           "valid UTF-16 at byte {byte:,}"},
    "nul-byte": {"vi": "có byte NUL ở dòng {line}, cột {column}: tệp có lẽ là UTF-16 không có "
                       "dấu thứ tự byte, hoặc không phải tệp văn bản",
                 "en": "a NUL byte at line {line}, column {column}: the file is probably UTF-16 "
                       "without a byte-order mark, or not a text file"},
    "not-utf8-byte": {"vi": "byte 0x{byte} ở dòng {line}, cột {column} không phải UTF-8 hợp "
                            "lệ: tệp được lưu theo bảng mã khác (\"CSV (Comma delimited)\" của "
                            "Excel dùng bảng mã của máy tính)",
                      "en": "byte 0x{byte} at line {line}, column {column} is not valid UTF-8: "
                            "the file was saved in another encoding (Excel's \"CSV (Comma "
                            "delimited)\" uses the computer's code page)"},
    "csv-no-header": {"vi": "tệp CSV không có dòng tiêu đề",
                      "en": "the CSV file has no header row"},
    "column-no-name": {"vi": "cột {number} không có tên", "en": "column {number} has no name"},
    "column-twice": {"vi": "cột {column!r} xuất hiện hai lần ở dòng tiêu đề",
                     "en": "column {column!r} appears twice in the header"},
    "cells-merged": {"vi": "các ô {ref} được gộp theo cột; hãy bỏ gộp ô và điền đủ từng ô",
                     "en": "cells {ref} are merged across columns; unmerge them and fill in "
                           "every cell"},
    "cell-error": {"vi": "ô {cell} có lỗi Excel {value}; hãy sửa công thức hoặc giá trị",
                   "en": "cell {cell} holds the Excel error {value}; correct the formula or "
                         "the value"},
    "not-csv": {"vi": "không phải CSV: {reason}", "en": "not CSV: {reason}"},
    "row-width": {"vi": "dòng có {fields} ô, dòng tiêu đề có {header}",
                  "en": "the row has {fields} fields, the header {header}"},
    "quote-open": {"vi": "; dòng này kéo dài đến dòng {line}: có dấu ngoặc kép nào chưa đóng?",
                   "en": "; it runs on to line {line}: is a quote not closed?"},
    "key-twice": {"vi": "{key!r} được ghi hai lần{first}; hãy giữ một",
                  "en": "{key!r} is given twice{first}; keep one"},
    # evidence files: CSV values, JSON, YAML and Parquet records
    "records-not-list": {"vi": "cần một danh sách hồ sơ (hoặc 'records: [...]')",
                         "en": "expected a list of records (or 'records: [...]')"},
    "not-json": {"vi": "không phải JSON: {reason}", "en": "not JSON: {reason}"},
    "json-expecting-value": {"vi": "thiếu một giá trị ở đây", "en": "expecting value"},
    "json-expecting-name": {"vi": "cần tên khóa đặt trong dấu ngoặc kép",
                            "en": "expecting property name enclosed in double quotes"},
    "json-expecting-colon": {"vi": "thiếu dấu hai chấm ':' sau tên khóa",
                             "en": "expecting ':' delimiter"},
    "json-expecting-comma": {"vi": "thiếu dấu phẩy ',' giữa hai giá trị",
                             "en": "expecting ',' delimiter"},
    "json-unterminated": {"vi": "chuỗi bắt đầu ở đây chưa có dấu ngoặc kép đóng",
                          "en": "unterminated string starting at"},
    "json-control": {"vi": "có ký tự điều khiển trong chuỗi (ví dụ một dấu xuống dòng chưa "
                           "viết thành \\n)",
                     "en": "invalid control character at"},
    "json-escape": {"vi": "có mã thoát bắt đầu bằng \\ không hợp lệ",
                    "en": "invalid \\escape"},
    "json-unicode-escape": {"vi": "có mã thoát \\uXXXX không hợp lệ",
                            "en": "invalid \\uxxxx escape"},
    "json-extra": {"vi": "còn dữ liệu thừa sau phần JSON", "en": "extra data"},
    "json-comma-object": {"vi": "có dấu phẩy thừa trước dấu '}}'",
                          "en": "illegal trailing comma before end of object"},
    "json-comma-array": {"vi": "có dấu phẩy thừa trước dấu ']'",
                         "en": "illegal trailing comma before end of array"},
    "csv-value-too-long": {"vi": "một giá trị dài hơn {most} ký tự; có dấu ngoặc kép nào chưa "
                                 "đóng?",
                           "en": "a value longer than {most} characters; is a quote not "
                                 "closed?"},
    "json-too-deep": {"vi": "tệp JSON lồng nhau quá sâu", "en": "the JSON is nested too deeply"},
    "json-key-twice": {"vi": "khóa {key!r} được ghi hai lần", "en": "duplicate key {key!r}"},
    "keep-one": {"vi": "hãy giữ một", "en": "keep one"},
    "parquet-unreadable": {"vi": "không đọc được tệp Parquet {name!r}: {reason}",
                           "en": "cannot read Parquet file {name!r}: {reason}"},
    # dataset folders and partitions
    "dataset-missing": {"vi": "không có thư mục dữ liệu {name!r}",
                        "en": "no such dataset folder: {name!r}"},
    "dataset-unknown-file": {"vi": "{name!r}: không nhận ra tệp này trong thư mục dữ liệu",
                             "en": "{name!r}: unknown file in a dataset folder"},
    "dataset-unknown-file-hint": {"vi": "hãy đặt tên tệp theo mô hình mà tệp chứa: citizen, "
                                        "family, clan, community, unit (hoặc cong-dan, "
                                        "gia-dinh, dong-ho, cong-dong, don-vi), areas, crosswalk",
                                  "en": "name files after the model they hold: citizen, family, "
                                        "clan, community, unit (or cong-dan, gia-dinh, dong-ho, "
                                        "cong-dong, don-vi), areas, crosswalk"},
    "dataset-second-file": {"vi": "{name!r}: đã có một tệp khác cho {kind!r}",
                            "en": "{name!r}: a second file for {kind!r}"},
    "dataset-no-subjects": {"vi": "không có tệp hồ sơ đối tượng nào trong {name!r}",
                            "en": "no subject files in {name!r}"},
    "dataset-no-subjects-hint": {"vi": "cần các tệp như family.csv, community.csv",
                                 "en": "expected e.g. family.csv, community.csv"},
    "areas-lack-columns": {"vi": "{file}: danh mục địa bàn thiếu cột {columns}",
                           "en": "{file}: the area list lacks the column(s) {columns}"},
    "areas-lack-columns-hint": {"vi": "danh mục địa bàn cần các cột code, name và level (Mã, "
                                      "Tên, Cấp trong sổ tính), có thể có thêm parent và các "
                                      "cột tổng số",
                                "en": "the areas need the columns code, name and level (Mã, "
                                      "Tên, Cấp in a workbook), and may have parent and the "
                                      "totals"},
    "not-a-date": {"vi": "{where}:{at}: {value!r} ở cột {column!r} không phải một ngày{place}",
                   "en": "{where}:{at}: {value!r} in {column!r} is not a date{place}"},
    "not-a-date-hint": {"vi": "hãy nhập một ô kiểu ngày, hoặc viết ngày theo dạng dd/mm/yyyy: "
                              "01/07/2025",
                        "en": "write a date cell, or the date as dd/mm/yyyy: 01/07/2025"},
    "partition-missing": {"vi": "không có thư mục phần dữ liệu {name!r}",
                          "en": "no such partition folder: {name!r}"},
    "partition-stage-ids": {"vi": "tìm mã hồ sơ dùng ở hai phần dữ liệu",
                            "en": "ids used in two partitions"},
    "partition-stage-read": {"vi": "đọc dữ liệu", "en": "read"},
    "partition-stage-evaluate": {"vi": "đánh giá", "en": "evaluate"},
    "partition-stage-roll-up": {"vi": "tổng hợp theo địa bàn", "en": "roll-up"},
    "partition-stage-write": {"vi": "ghi kết quả", "en": "write"},
    "partition-no-set": {"vi": "phần dữ liệu {name!r}: không có bộ tiêu chí cho mô hình "
                               "{model!r}",
                         "en": "partition {name!r}: no criteria set for {model!r}"},
    # workbooks: sheets, headers, merged cells, damaged files
    "sheet-unknown": {"vi": "{where}: không nhận ra trang tính này",
                      "en": "{where}: unknown sheet"},
    "sheet-unknown-hint": {"vi": "hãy đặt tên trang tính theo mô hình mà trang chứa: {sheets} "
                                 "(hoặc citizen, family, clan, community, unit, areas, "
                                 "crosswalk); ghi chú để ở các trang có tên bắt đầu bằng _",
                           "en": "name sheets after the model they hold: {sheets} (or "
                                 "citizen, family, clan, community, unit, areas, crosswalk); "
                                 "notes go in sheets whose name starts with _"},
    "sheet-twice": {"vi": "{where}: đã có một trang tính khác cho {kind!r} (trang {first!r})",
                    "en": "{where}: a second sheet for {kind!r} (first: {first!r})"},
    "header-reserved": {"vi": "{where}: tiêu đề {title!r} (ô {cell}) là tên dành riêng, không "
                              "dùng làm tên cột",
                        "en": "{where}: the header {title!r} (cell {cell}) is reserved"},
    "sheet-too-wide": {"vi": "{where}: dòng tiêu đề có {columns} cột; chỉ đọc tối đa {most} cột",
                       "en": "{where}: the header has {columns} columns; at most {most} "
                             "are read"},
    "sheet-too-wide-hint": {"vi": "mỗi trang tính có một cột cho mỗi thông tin của bộ tiêu chí; "
                                  "hãy kiểm tra đúng trang tính",
                            "en": "a sheet has one column per input of the criteria set; "
                                  "check that this is the right sheet"},
    "columns-one-name": {"vi": "{where}cột {first!r} và cột {second!r} cùng được hiểu là cột "
                               "{name!r}",
                         "en": "{where}columns {first!r} and {second!r} both give {name!r}"},
    "columns-one-name-hint": {"vi": "hãy giữ một trong hai cột",
                              "en": "keep one of the two columns"},
    "header-merged": {"vi": "{where}: các ô tiêu đề {ref} bị gộp",
                      "en": "{where}: the header cells {ref} are merged"},
    "header-merged-hint": {"vi": "hãy bỏ gộp ô và đặt cho mỗi cột một tiêu đề riêng",
                           "en": "unmerge them and give every column its own header"},
    "merged-too-many": {"vi": "{where}: các ô được gộp trải trên hơn {most} dòng",
                        "en": "{where}: merged cells cover more than {most} rows"},
    "merged-too-many-hint": {"vi": "hãy bỏ gộp ô (chọn tất cả, rồi Merge & Center → Unmerge "
                                   "Cells; trong LibreOffice: Format → Merge and Unmerge Cells "
                                   "→ Unmerge Cells)",
                             "en": "unmerge the cells (select all, then Merge & Center → "
                                   "Unmerge Cells)"},
    "workbook-unpacks-large": {"vi": "{name!r} khi giải nén lớn hơn {mib} MiB",
                               "en": "{name!r} unpacks to more than {mib} MiB"},
    "workbook-larger": {"vi": "{name!r} lớn hơn {mib} MiB",
                        "en": "{name!r} is larger than {mib} MiB"},
    "workbook-split": {"vi": "hãy tách sổ tính thành nhiều tệp nhỏ hơn",
                       "en": "split the workbook"},
    "workbook-damaged": {"vi": "không đọc được {name!r}: sổ tính bị hỏng (không giải nén được "
                               "một phần của tệp: {reason})",
                         "en": "cannot read {name!r}: the workbook is damaged (a compressed "
                               "part cannot be unpacked: {reason})"},
    "workbook-damaged-hint": {"vi": "hãy mở tệp bằng Excel hoặc LibreOffice (có thể sửa được "
                                    "tệp) rồi lưu thành .xlsx; hoặc lấy lại tệp từ bản sao lưu",
                              "en": "open it in Excel or LibreOffice, which may repair it, and "
                                    "save it as .xlsx; or take it from a backup"},
    "not-xlsx": {"vi": "không đọc được {name!r}: không phải sổ tính Excel (.xlsx)",
                 "en": "cannot read {name!r}: not an Excel workbook (.xlsx)"},
    "not-ods": {"vi": "không đọc được {name!r}: không phải bảng tính OpenDocument (.ods)",
                "en": "cannot read {name!r}: not an OpenDocument spreadsheet (.ods)"},
    "ods-save-xlsx": {"vi": "hãy mở tệp bằng LibreOffice hoặc Excel và lưu thành .xlsx",
                      "en": "open it in LibreOffice or Excel and save it as .xlsx"},
    "not-xls": {"vi": "không đọc được {name!r}: không phải sổ tính Excel cũ (.xls)",
                "en": "cannot read {name!r}: not a legacy Excel workbook (.xls)"},
    # the data-entry template, the results writer
    "template-no-set": {"vi": "không có bộ tiêu chí nào có hiệu lực trong năm {year}",
                        "en": "no criteria set is in force in {year}"},
    "template-no-folder": {"vi": "không ghi được {name!r}: không có thư mục {folder!r}",
                           "en": "cannot write {name!r}: the folder {folder!r} does not exist"},
    "template-unwritable": {"vi": "không ghi được {name!r}: {reason}",
                            "en": "cannot write {name!r}: {reason}"},
    "results-from-run": {"vi": "kết quả được ghi từ lần đánh giá, không phải từ báo cáo: hãy "
                               "dùng write_run hoặc learning_models.write_results",
                         "en": "the results are written from the evaluation, not from the "
                               "report: use write_run, or learning_models.write_results"},
    # relations between records, areas
    "relation-absent": {"vi": "{what} '{value}' không có trong {file}",
                        "en": "{what} '{value}' does not exist in {file}"},
    "area-absent": {"vi": "địa bàn '{value}' không có trong danh mục địa bàn{listed}",
                    "en": "area '{value}' is not in the area list{listed}"},
    "relation-rejected": {"vi": "{what} '{value}' đã bị từ chối ({where})",
                          "en": "{what} '{value}' was rejected ({where})"},
    "area-no-code": {"vi": "địa bàn không có mã", "en": "the area has no code"},
    "area-code-twice": {"vi": "mã địa bàn {code!r} bị dùng hai lần",
                        "en": "area code {code!r} is used twice"},
    "area-level": {"vi": "cấp {level!r} không phải một trong {levels}",
                   "en": "level {level!r} is not one of {levels}"},
    "area-parent-absent": {"vi": "địa bàn cấp trên {parent!r} không có trong danh mục địa bàn",
                           "en": "parent area {parent!r} is not in the area list"},
    "area-parent-level": {"vi": "địa bàn cấp trên {parent!r} là cấp {above}, không cao hơn cấp "
                                "{level}",
                          "en": "parent area {parent!r} is a {above}, not above a {level}"},
    "area-total": {"vi": "{column!r} phải là số nguyên không âm, {why}",
                   "en": "{column!r} must be a whole number >= 0, {why}"},
    "area-kept": {"vi": "; địa bàn vẫn được giữ, số này coi như chưa biết",
                  "en": "; the area is kept, its total unknown"},
    "count-found": {"vi": "nhưng có {found}", "en": "found {found}"},
    "count-yes-no": {"vi": "nhưng có {found}, một giá trị có/không",
                     "en": "found {found}, a yes/no value"},
    "count-comma": {"vi": "nhưng có {found}: đọc theo cách viết Việt Nam là {vi_way}, theo cách "
                          "viết tiếng Anh là {en_way}; hãy viết số nguyên không có dấu phân cách",
                    "en": "found {found}: {vi_way} read the Vietnamese way, {en_way} the "
                          "English way; write the whole number without a separator"},
    "count-space": {"vi": "nhưng có {found}: dấu cách không tách các nhóm ba chữ số (bỏ đi thì "
                          "là {without}); hãy viết số không có dấu cách",
                    "en": "found {found}: a space that does not separate groups of three digits "
                          "(without it: {without}); write the number without spaces"},
    # the command line's own messages
    "cli-no-folder": {"vi": "không có thư mục {folder!r} (--criteria-dir)",
                      "en": "no such folder: {folder!r} (--criteria-dir)"},
    "cli-no-folder-hint": {"vi": "hãy chỉ một thư mục chứa các bộ tiêu chí (*.yaml)",
                           "en": "give a folder holding criteria sets (*.yaml)"},
    "cli-no-overlay": {"vi": "không có tệp điều chỉnh {file!r} (--overlay)",
                       "en": "no such overlay file: {file!r} (--overlay)"},
    "cli-no-overlay-hint": {"vi": "hãy chỉ một tệp điều chỉnh, hoặc tên một điều chỉnh do "
                                  "plugin cung cấp (xem 'learning-models plugins')",
                            "en": "give an overlay file, or the name of an overlay offered by "
                                  "a plugin (see 'learning-models plugins')"},
    "cli-cannot-write": {"vi": "không ghi được {what} vào {path!r}: {reason}",
                         "en": "cannot write {what} to {path!r}: {reason}"},
    "cli-exists": {"vi": "{path!r} đã có; thêm --force để ghi đè, hoặc chọn tên khác",
                   "en": "{path!r} already exists; give --force to overwrite it, or another "
                         "name"},
    "cli-wrong-suffix": {"vi": "{what} phải là một tệp có đuôi {suffix}, không phải {path!r}",
                         "en": "{what} must be a file ending in {suffix}, not {path!r}"},
    "cli-wrong-suffix-folder": {"vi": "{what} phải là một tệp có đuôi {suffix}, không phải "
                                      "thư mục {path!r}",
                                "en": "{what} must be a file ending in {suffix}, not {path!r}, "
                                      "a folder"},
    "cli-is-file": {"vi": "{it} là một tệp, không phải thư mục",
                    "en": "{it} is a file, not a folder"},
    "cli-is-folder": {"vi": "{it} là một thư mục, không phải tệp",
                      "en": "{it} is a folder, not a file"},
    "cli-denied": {"vi": "không có quyền ghi{on}", "en": "permission denied{on}"},
    "cli-on": {"vi": " vào {path}", "en": " on {path}"},
    "cli-it": {"vi": "nó", "en": "it"},
    "output-errors": {"vi": "tệp lỗi", "en": "the errors"},
    "output-report": {"vi": "báo cáo", "en": "the report"},
    "output-review": {"vi": "báo cáo sơ kết", "en": "the review"},
    "output-workbook": {"vi": "sổ nhập liệu", "en": "the workbook"},
    "cli-folder-is-here": {"vi": "{path!r} là thư mục hiện tại hoặc chứa nó; hãy dành cho báo "
                                 "cáo một thư mục riêng",
                           "en": "{path!r} is the current folder or holds it; give the report "
                                 "a folder of its own"},
    "cli-folder-has-files": {"vi": "{path!r} đã có tệp; thêm --force để thay toàn bộ, hoặc "
                                   "chọn thư mục khác",
                             "en": "{path!r} already holds files; give --force to replace it "
                                   "as a whole, or another folder"},
    "cli-folder-not-report": {"vi": "{path!r} chứa thư mục {folder!r}: đây không phải thư mục "
                                    "báo cáo; --force chỉ thay toàn bộ một thư mục báo cáo "
                                    "(chỉ gồm tệp), nên hãy chọn thư mục khác",
                              "en": "{path!r} holds the folder {folder!r}: it is not a "
                                    "report's folder; --force replaces a report folder (files "
                                    "only) as a whole, so give another folder"},
    "cli-previous-year-missing": {"vi": "mỗi --previous DATA cần --previous-year YEAR của nó "
                                        "(theo cùng thứ tự)",
                                  "en": "each --previous DATA needs its --previous-year YEAR "
                                        "(in the same order)"},
    "cli-previous-year-late": {"vi": "--previous-year {previous} không sớm hơn --year {year}; "
                                     "dữ liệu năm trước được so sánh với năm của báo cáo",
                               "en": "--previous-year {previous} is not earlier than --year "
                                     "{year}; an earlier year's dataset is compared with the "
                                     "report's year"},
    "cli-input-format-file": {"vi": "--input-format chỉ dùng với --input - (đầu vào chuẩn); "
                                    "đuôi của tệp đã cho biết định dạng",
                              "en": "--input-format goes with --input - (standard input); a "
                                    "file's suffix says its format"},
    "cli-input-format-needed": {"vi": "--input - đọc đầu vào chuẩn: hãy cho biết định dạng "
                                      "bằng --input-format {formats}",
                                "en": "--input - reads standard input: say its format with "
                                      "--input-format {formats}"},
    "cli-name-the-set": {"vi": "hãy chỉ bộ tiêu chí bằng --criteria FILE|ID, hoặc bằng --model "
                               "và --year",
                         "en": "name the set with --criteria FILE|ID, or with --model and "
                               "--year"},
    "cli-no-set-in-year": {"vi": "không có bộ tiêu chí nào có hiệu lực năm {year}; giai đoạn "
                                 "của các bộ: {periods}",
                           "en": "no criteria set is in force in {year}; the periods of the "
                                 "sets: {periods}"},
    "cli-period": {"vi": "--period {period!r}: cần dạng YYYY-YYYY, ví dụ 2021-2025",
                   "en": "--period {period!r}: expected YYYY-YYYY, e.g. 2021-2025"},
    "cli-format-needs-out": {"vi": "--format {format} ghi ra tệp: hãy đặt tên tệp bằng --out "
                                   "FILE",
                             "en": "--format {format} writes a file: name it with --out FILE"},
    # the command line's parsing: argparse's own texts, said from the catalogue
    "argparse-usage": {"vi": "cách dùng: ", "en": "usage: "},
    "argparse-error": {"vi": "{prog}: lỗi: {message}\n", "en": "{prog}: error: {message}\n"},
    "argparse-positionals": {"vi": "tham số vị trí", "en": "positional arguments"},
    "argparse-options": {"vi": "tùy chọn", "en": "options"},
    "argparse-help": {"vi": "in hướng dẫn này rồi thoát", "en": "show this help message and exit"},
    "argparse-argument": {"vi": "tham số {argument}: {message}",
                          "en": "argument {argument}: {message}"},
    "argparse-invalid-value": {"vi": "{value} không phải {type} hợp lệ",
                               "en": "invalid {type} value: {value}"},
    "argparse-type-int": {"vi": "số nguyên", "en": "int"},
    "argparse-type-float": {"vi": "số", "en": "float"},
    "argparse-type-path": {"vi": "đường dẫn", "en": "Path"},
    "argparse-invalid-choice": {"vi": "không có lựa chọn {value}; hãy chọn một trong: {choices}",
                                "en": "invalid choice: {value} (choose from {choices})"},
    "argparse-required": {"vi": "thiếu tham số bắt buộc: {names}",
                          "en": "the following arguments are required: {names}"},
    "argparse-one-required": {"vi": "cần một trong các tham số {names}",
                              "en": "one of the arguments {names} is required"},
    "argparse-unrecognized": {"vi": "không nhận ra tham số: {names}",
                              "en": "unrecognized arguments: {names}"},
    "argparse-not-allowed": {"vi": "không dùng được cùng với tham số {other}",
                             "en": "not allowed with argument {other}"},
    "argparse-ambiguous": {"vi": "tùy chọn {option} chưa rõ, có thể là: {matches}",
                           "en": "ambiguous option: {option} could match {matches}"},
    "argparse-expected-one": {"vi": "cần một giá trị", "en": "expected one argument"},
    "argparse-expected-at-most-one": {"vi": "chỉ nhận nhiều nhất một giá trị",
                                      "en": "expected at most one argument"},
    "argparse-expected-at-least-one": {"vi": "cần ít nhất một giá trị",
                                       "en": "expected at least one argument"},
    "argparse-expected-1": {"vi": "cần 1 giá trị", "en": "expected 1 argument"},
    "argparse-expected-n": {"vi": "cần {n} giá trị", "en": "expected {n} arguments"},
    "argparse-ignored-value": {"vi": "tùy chọn này không nhận giá trị, nhưng đã ghi {value}",
                               "en": "ignored explicit argument {value}"},
    "argparse-cannot-open": {"vi": "không mở được tệp '{file}': {reason}",
                             "en": "can't open '{file}': {reason}"},
    # the command line's errors: naming the set, schema, explain, readers, writers, serve
    "cli-set-is-folder": {"vi": "{criteria!r} là một thư mục, không phải bộ tiêu chí",
                          "en": "{criteria!r} is a folder, not a criteria set"},
    "cli-set-is-folder-hint": {"vi": "hãy chỉ tệp của một bộ tiêu chí, hoặc mã của nó "
                                     "('learning-models list' liệt kê các mã)",
                               "en": "name a set's file, or its id ('learning-models list' "
                                     "shows them)"},
    "cli-no-such-set": {"vi": "{criteria!r} không phải một tệp, cũng không phải mã của bộ tiêu "
                              "chí nào",
                        "en": "{criteria!r} is neither a file nor the id of a criteria set"},
    "cli-name-the-set-or": {"vi": "hãy chỉ bộ tiêu chí: --criteria FILE|ID, hoặc --model MODEL "
                                  "cùng --year YEAR",
                            "en": "name the set: --criteria FILE|ID, or --model MODEL with "
                                  "--year YEAR"},
    "cli-criteria-or-model": {"vi": "chỉ dùng --criteria hoặc --model, không dùng cả hai",
                              "en": "give --criteria or --model, not both"},
    "cli-model-needs-year": {"vi": "--model cần --year: bộ tiêu chí có hiệu lực năm đó",
                             "en": "--model needs --year: the set in force that year"},
    "cli-name-the-set-id": {"vi": "hãy chỉ bộ tiêu chí: ID, hoặc --model MODEL cùng --year YEAR",
                            "en": "name the set: ID, or --model MODEL with --year YEAR"},
    "cli-id-or-model": {"vi": "chỉ dùng ID hoặc --model, không dùng cả hai",
                        "en": "give ID or --model, not both"},
    "cli-year-needs-model": {"vi": "--year đi cùng --model: bộ tiêu chí có hiệu lực năm đó",
                             "en": "--year goes with --model: the set in force that year"},
    "cli-no-set-id": {"vi": "không có bộ tiêu chí nào mã {id!r}",
                      "en": "no criteria set with id {id!r}"},
    "cli-schema-criteria": {"vi": "--criteria chỉ dùng với 'schema evidence', không dùng với "
                                  "'schema {which}'",
                            "en": "--criteria goes with 'schema evidence', not 'schema "
                                  "{which}'"},
    "cli-schema-needs-criteria": {"vi": "'schema evidence' cần --criteria FILE|ID",
                                  "en": "'schema evidence' needs --criteria FILE|ID"},
    "cli-sets-overlap": {"vi": "hai bộ tiêu chí {a!r} và {b!r} cùng áp dụng cho mô hình {model!r} "
                               "trong {years}",
                         "en": "sets {a!r} and {b!r} both govern {model!r} in {years}"},
    "cli-input-is-dataset": {"vi": "{path!r} là {kind}; --input là một tệp minh chứng "
                                   "({suffixes})",
                             "en": "{path!r} is {kind}; --input is one evidence file "
                                   "({suffixes})"},
    "cli-a-folder": {"vi": "một thư mục", "en": "a folder"},
    "cli-a-workbook": {"vi": "một sổ tính", "en": "a workbook"},
    "cli-input-is-dataset-hint": {"vi": "để chấm một thư mục dữ liệu hoặc một sổ nhập liệu, hãy "
                                        "dùng 'learning-models report {path} --year YEAR'",
                                  "en": "to evaluate a dataset folder or a data-entry workbook, "
                                        "use 'learning-models report {path} --year YEAR'"},
    "cli-subject-rejected": {"vi": "đối tượng {subject!r} đã bị loại",
                             "en": "subject {subject!r} was rejected"},
    "cli-subject-missing": {"vi": "không có đối tượng {subject!r} trong {file!r}",
                            "en": "subject {subject!r} is not in {file!r}"},
    "cli-subjects-none": {"vi": "không đối tượng nào của tệp được chấm",
                          "en": "no subject of it was evaluated"},
    "cli-subjects-some": {"vi": "các đối tượng của tệp: {shown} (tất cả {n})",
                          "en": "its subjects: {shown} ({n} in all)"},
    "cli-no-reader-named": {"vi": "không có bộ đọc minh chứng nào tên {name!r}; các bộ đọc: "
                                  "{readers}",
                            "en": "no evidence reader named {name!r}; readers: {readers}"},
    "cli-no-reader-for": {"vi": "không bộ đọc minh chứng nào đọc được {what} ({path!r}); các bộ "
                                "đọc: {readers}",
                          "en": "no evidence reader reads {what} ({path!r}); readers: "
                                "{readers}"},
    "cli-no-reader-hint": {"vi": "\n  gợi ý: để chấm một tệp minh chứng, hãy dùng "
                                 "'learning-models evaluate --model MODEL --year YEAR --input "
                                 "{path}'",
                           "en": "\n  hint: to score one evidence file, use 'learning-models "
                                 "evaluate --model MODEL --year YEAR --input {path}'"},
    "cli-readers-several": {"vi": "nhiều bộ đọc minh chứng cùng đọc {what}: {readers}; hãy chọn "
                                  "một bằng --reader NAME",
                            "en": "several evidence readers read {what}: {readers}; choose one "
                                  "with --reader NAME"},
    "cli-read-folder": {"vi": "thư mục", "en": "a folder"},
    "cli-read-suffix": {"vi": "tệp {suffix!r}", "en": "{suffix!r} files"},
    "cli-read-no-suffix": {"vi": "tệp không có đuôi", "en": "files without a suffix"},
    "cli-reader-folders": {"vi": "thư mục", "en": "folders"},
    "cli-of-plugin": {"vi": "{name} (plugin {plugin!r})", "en": "{name} (plugin {plugin!r})"},
    "cli-none": {"vi": "không có", "en": "none"},
    "cli-and-next": {"vi": ", {item}", "en": ", {item}"},
    "cli-of-kind": {"vi": "{name} ({kind})", "en": "{name} ({kind})"},
    "cli-unknown-format": {"vi": "không có định dạng báo cáo {names}; các định dạng: "
                                 "{formats}{docx}",
                           "en": "unknown report format {names}; formats: {formats}{docx}"},
    "cli-docx-install": {"vi": " (docx: python -m pip install learning-models-docx)",
                         "en": " (docx: python -m pip install learning-models-docx)"},
    "cli-plugin-failed-reading": {"vi": "plugin {plugin!r} gặp lỗi khi đọc {path!r} bằng bộ đọc "
                                        "minh chứng {reader!r}: {reason}",
                                  "en": "plugin {plugin!r} failed reading {path!r} with "
                                        "evidence reader {reader!r}: {reason}"},
    "cli-plugin-not-dataset": {"vi": "plugin {plugin!r}: bộ đọc minh chứng {reader!r} trả về "
                                     "{type}, không phải một Dataset",
                               "en": "plugin {plugin!r}: evidence reader {reader!r} returned "
                                     "{type}, not a Dataset"},
    "cli-plugin-failed-writing": {"vi": "plugin {plugin!r} gặp lỗi khi ghi {what} bằng {writer}: "
                                        "{reason}",
                                  "en": "plugin {plugin!r} failed writing {what} with "
                                        "{writer}: {reason}"},
    "cli-report-writer": {"vi": "bộ ghi báo cáo {name!r}", "en": "report writer {name!r}"},
    "cli-review-writer": {"vi": "bộ ghi báo cáo sơ kết {name!r}",
                          "en": "review writer {name!r}"},
    "cli-plugin-not-paths": {"vi": "plugin {plugin!r}: {writer} phải trả về các đường dẫn đã "
                                   "ghi, nhưng trả về {got}",
                             "en": "plugin {plugin!r}: {writer} must return the paths it "
                                   "wrote, got {got}"},
    "cli-hash-key-empty": {"vi": "--hash-key đọc khóa từ đầu vào chuẩn, nhưng không nhận được "
                                 "khóa nào",
                           "en": "--hash-key reads the key from standard input; none was "
                                 "given"},
    "cli-host-not-loopback": {"vi": "--host {host} không phải địa chỉ loopback: hãy cho --api-keys "
                                    "FILE (khi đó máy khách gửi 'Authorization: Bearer KEY')",
                              "en": "--host {host} is not a loopback address: give --api-keys "
                                    "FILE (clients then send 'Authorization: Bearer KEY')"},
    "cli-server-missing": {"vi": "dịch vụ HTTP cần {module!r}: python -m pip install "
                                 "'learning-models[server]'",
                           "en": "the HTTP service needs {module!r}: python -m pip install "
                                 "'learning-models[server]'"},
    "cli-positive-number": {"vi": "{option} phải là số dương (cổng không quá 65535), không "
                                  "phải {value:g}",
                            "en": "{option} must be a positive number (and a port at most "
                                  "65535), not {value:g}"},
    # plugins: loading them, what they register
    "plugin-not-registered": {"vi": "không đăng ký được plugin {plugin!r}: {reason}",
                              "en": "plugin {plugin!r} cannot be registered: {reason}"},
    "plugin-unknown-hook": {"vi": "plugin {plugin!r} cài đặt một hook không tồn tại: {reason}",
                            "en": "plugin {plugin!r} implements a hook that does not exist: "
                                  "{reason}"},
    "plugin-not-loaded": {"vi": "không nạp được plugin {plugin!r}: {reason} (điểm vào "
                                "'{entry}' của nhóm {group!r}, gói {dist})",
                          "en": "plugin {plugin!r} could not be loaded: {reason} (entry point "
                                "'{entry}' of the group {group!r}, distribution {dist})"},
    "plugin-group-not-loaded": {"vi": "không nạp được một plugin của nhóm điểm vào {group!r}: "
                                      "{reason}",
                                "en": "a plugin of the entry-point group {group!r} could not be "
                                      "loaded: {reason}"},
    "plugin-not-loaded-hint": {"vi": "\n  gợi ý: hãy cài lại hoặc gỡ plugin, hoặc chạy không "
                                     "nạp plugin đã cài: --no-plugins, hoặc {env}=1",
                               "en": "\n  hint: reinstall or uninstall the plugin, or run "
                                     "without installed plugins: --no-plugins, or {env}=1"},
    "plugin-evidence-reader": {"vi": "bộ đọc minh chứng", "en": "evidence reader"},
    "plugin-report-writer": {"vi": "bộ ghi báo cáo", "en": "report writer"},
    "plugin-review-writer": {"vi": "bộ ghi báo cáo sơ kết", "en": "review writer"},
    "plugin-item-unnamed": {"vi": "plugin {plugin!r}: {what} cần có tên (dạng văn bản), nhưng "
                                  "có {name}",
                            "en": "plugin {plugin!r}: a {what} needs a name (text), got {name}"},
    "plugin-item-twice": {"vi": "plugin {plugin!r}: {what} {name!r} đã được plugin {other!r} "
                                "đăng ký",
                          "en": "plugin {plugin!r}: {what} {name!r} is already registered by "
                                "plugin {other!r}"},
    "plugin-reader-suffixes": {"vi": "plugin {plugin!r}: bộ đọc minh chứng {name!r} phải cho các "
                                     "đuôi tệp dạng tuple như ('.xlsx',), hoặc () cho thư mục; "
                                     "nhưng có {suffixes}",
                               "en": "plugin {plugin!r}: evidence reader {name!r} must give its "
                                     "suffixes as a tuple like ('.xlsx',), or () for folders; "
                                     "got {suffixes}"},
    # histories: opening, recording, reading
    "history-is-file": {"vi": "{place}: lịch sử là một thư mục, không phải tệp",
                        "en": "{place}: a history is a folder, not a file"},
    "history-not-empty": {"vi": "{place}: thư mục đã có tệp nhưng không có history.json; cần "
                                "một thư mục lịch sử hoặc một thư mục mới",
                          "en": "{place}: the folder is not empty and has no history.json; "
                                "expected a history folder or a new one"},
    "history-cannot-create": {"vi": "{place}: không tạo được lịch sử: {reason}",
                              "en": "{place}: cannot create the history: {reason}"},
    "history-bad-marker": {"vi": "{file}: cần 'format: {format}' và một số phiên bản",
                           "en": "{file}: expected 'format: {format}' and a version number"},
    "history-too-new": {"vi": "{place}: lịch sử có phiên bản {version}, phần mềm này chỉ đọc "
                              "đến phiên bản {known}; hãy nâng cấp learning-models",
                        "en": "{place}: the history has version {version}, this engine reads "
                              "up to version {known}; upgrade learning-models"},
    "history-cannot-migrate": {"vi": "{place}: không chuyển được lịch sử lên phiên bản "
                                     "{version}: {reason}",
                               "en": "{place}: cannot migrate the history to version "
                                     "{version}: {reason}"},
    "history-cannot-record": {"vi": "{place}: không ghi được lần chạy {run}: {reason}",
                              "en": "{place}: cannot record run {run}: {reason}"},
    "history-cannot-decide": {"vi": "{place}: không ghi được lần chạy hiện hành: {reason}",
                              "en": "{place}: cannot record the current run: {reason}"},
    "history-results-missing": {"vi": "{place}: thiếu kết quả của một lần chạy đã ghi: {files}",
                                "en": "{place}: the results of a recorded run are missing: "
                                      "{files}"},
    "history-unreadable": {"vi": "{file}: không đọc được tệp lịch sử này: {reason}",
                           "en": "{file}: cannot read this history file: {reason}"},
    "history-not-object": {"vi": "{file}: cần một đối tượng JSON",
                           "en": "{file}: expected a JSON object"},
    "history-schema-too-new": {"vi": "{place}: lược đồ của lịch sử có phiên bản {version}, phần "
                                     "mềm này chỉ biết đến phiên bản {known}; hãy nâng cấp "
                                     "learning-models",
                               "en": "{place}: the history's schema has version {version}, this "
                                     "engine knows up to version {known}; upgrade "
                                     "learning-models"},
    "history-bad-url": {"vi": "{place}: không phải địa chỉ cơ sở dữ liệu mà phần mềm dùng được: "
                              "{reason}",
                        "en": "{place}: not a database URL this engine can use: {reason}"},
    "history-database-failed": {"vi": "{place}: cơ sở dữ liệu lịch sử gặp lỗi: {reason}",
                                "en": "{place}: the history database failed: {reason}"},
    "history-needs-year": {"vi": "{place}: chỉ ghi được kết quả chấm của một năm (hãy chấm với "
                                 "một năm)",
                           "en": "{place}: only an evaluation of a year can be recorded "
                                 "(evaluate with a year)"},
    "history-no-run": {"vi": "{place}: không có lần chạy {run!r} trong lịch sử (các lần chạy "
                             "gần nhất: {known})",
                       "en": "{place}: no run {run!r} in the history (latest runs: {known})"},
    "history-needs-sql": {"vi": "{place}: lịch sử trong cơ sở dữ liệu cần SQLAlchemy và một "
                                "trình điều khiển: python -m pip install "
                                "'learning-models[history-sql]'",
                          "en": "{place}: a history in a database needs SQLAlchemy and a "
                                "driver: python -m pip install 'learning-models[history-sql]'"},
    "history-period-empty": {"vi": "{place}: chưa ghi năm nào của giai đoạn {period} (các năm "
                                   "đã ghi: {years})",
                             "en": "{place}: no year of {period} is recorded (years: {years})"},
    # the HTTP service's API keys file
    "keys-no-file": {"vi": "không có tệp khóa API {path!r}",
                     "en": "no such API keys file: {path!r}"},
    "keys-unreadable": {"vi": "không đọc được tệp khóa API {path!r}: {reason}",
                        "en": "cannot read the API keys file {path!r}: {reason}"},
    "keys-none": {"vi": "{path}: tệp khóa API không có khóa nào",
                  "en": "{path}: the API keys file holds no key"},
    "keys-bad-line": {"vi": "{where}: cần dạng 'NAME SHA256 [ENDPOINT ...]', với SHA-256 của khóa "
                            "gồm 64 chữ số thập lục phân\n  gợi ý: lệnh learning-models serve "
                            "--hash-key < key.txt in ra giá trị này",
                      "en": "{where}: expected 'NAME SHA256 [ENDPOINT ...]' with the key's SHA-256 "
                            "as 64 hex digits\n  hint: learning-models serve --hash-key < key.txt "
                            "prints it"},
    "keys-unknown-endpoint": {"vi": "{where}: không có điểm cuối {endpoint!r}; cần một trong: "
                                    "{endpoints}",
                              "en": "{where}: unknown endpoint {endpoint!r}; expected one of "
                                    "{endpoints}"},
    # which criteria set a record goes to
    "set-not-for-record": {"vi": "bộ tiêu chí {set!r} chỉ áp dụng cho các đối tượng có "
                                 "{applies}; hồ sơ này không thuộc số đó",
                           "en": "the criteria set {set!r} is for the subjects where {applies}, "
                                 "and this record is not one of them"},
    "sets-several": {"vi": "nhiều bộ tiêu chí cùng áp dụng cho hồ sơ này: {sets}; điều kiện "
                           "applies_to của chúng không được cùng đúng",
                     "en": "several criteria sets apply to this record: {sets}; their "
                           "applies_to must not both hold"},
    "sets-none": {"vi": "không bộ tiêu chí nào áp dụng cho hồ sơ này; các bộ đang có hiệu lực: "
                        "{sets}",
                  "en": "no criteria set applies to this record; the sets in force: {sets}"},
    # test cases
    "case-mismatch": {"vi": "{field}: mong đợi {expected}, nhưng kết quả là {actual}",
                      "en": "{field}: expected {expected}, got {actual}"},
    "case-note-of": {"vi": "trên {most}", "en": "of {most}"},
    "case-note-points": {"vi": "{points}/{most} điểm", "en": "{points}/{most} points"},
    "case-inputs-rejected": {"vi": "dữ liệu đầu vào bị từ chối: {reasons}",
                             "en": "the inputs were rejected: {reasons}"},
    "case-summary": {"vi": "{passed} ca kiểm thử đạt, {failed} ca không đạt",
                     "en": "{passed} passed, {failed} failed"},
    "hint-pattern-set-id": {"vi": "hãy gọi bộ tiêu chí bằng mã của nó, ví dụ "
                                  "'vn/2021-2025/family'",
                            "en": "name a set by its id, e.g. 'vn/2021-2025/family'"},
    "cases-no-set": {"vi": "tệp không nêu bộ tiêu chí nào", "en": "the file names no criteria set"},
    "cases-no-set-hint": {"vi": "hãy thêm 'criteria: <mã bộ tiêu chí>', hoặc 'model' và 'year' "
                                "để dùng bộ tiêu chí có hiệu lực năm đó",
                          "en": "add 'criteria: <set id>', or 'model' and 'year' for the set "
                                "in force that year"},
    "cases-set-twice": {"vi": "hãy ghi hoặc 'criteria', hoặc 'model' cùng 'year', không ghi cả "
                              "hai",
                        "en": "give either 'criteria' or 'model' with 'year', not both"},
    "cases-model-year": {"vi": "'model' cần có 'year': bộ tiêu chí dùng là bộ có hiệu lực năm "
                               "đó",
                         "en": "'model' needs 'year': the set is the one in force that year"},
    "cases-expects-nothing": {"vi": "{where} không kỳ vọng điều gì",
                              "en": "{where} expects nothing"},
    "cases-expect-keys": {"vi": "hãy ghi ít nhất một trong các khóa {keys}",
                          "en": "give at least one of {keys}"},
    "cases-indicator-status": {"vi": "{where} phải là met, partly_met, not_met, missing hoặc "
                                     "một số điểm, nhưng có {value!r}",
                               "en": "{where} must be met, partly_met, not_met, missing or a "
                                     "number of points, found {value!r}"},
    "cases-single-value": {"vi": "{where} phải là một giá trị đơn (văn bản, một số, true hoặc "
                                 "false, hoặc null), nhưng có {kind}",
                           "en": "{where} must be a single value (text, a number, true or "
                                 "false, or null), found {kind}"},
    "no-set-with-id": {"vi": "không có bộ tiêu chí mã {id!r}",
                       "en": "no criteria set with id {id!r}"},
    "known-sets": {"vi": "các bộ tiêu chí hiện có: {ids}", "en": "known sets: {ids}"},
    "set-has-problems": {"vi": "bộ tiêu chí {id!r} có lỗi (liệt kê cùng tệp của nó)",
                         "en": "criteria set {id!r} has problems (listed with its file)"},
    "set-has-problems-hint": {"vi": "hãy sửa bộ tiêu chí trước: learning-models validate",
                              "en": "fix the set first: learning-models validate"},
    "case-input-required": {"vi": "{text}: bộ tiêu chí {id!r} bắt buộc phải có",
                            "en": "{text}: criteria set {id!r} requires it"},
    "case-input-required-hint": {"vi": "hãy ghi ở mục 'inputs:' của trường hợp hoặc ở "
                                       "'defaults: inputs:'",
                                 "en": "give it under the case's 'inputs:' or under 'defaults: "
                                       "inputs:'"},
    "case-name-twice": {"vi": "tên trường hợp {name!r} dùng hai lần",
                        "en": "case name {name!r} is used twice"},
    "first-used-line": {"vi": "dùng lần đầu ở dòng {line}", "en": "first used at line {line}"},
    "case-year-outside": {"vi": "năm {year} nằm ngoài giai đoạn {period} của bộ tiêu chí {id!r}",
                          "en": "year {year} is outside the period {period} of criteria set "
                                "{id!r}"},
    "use-year-from": {"vi": "hãy dùng một năm từ {first} đến {last}",
                      "en": "use a year from {first} to {last}"},
    "set-has-no-input": {"vi": "bộ tiêu chí {id!r} không có thông tin {name!r}",
                         "en": "criteria set {id!r} has no input {name!r}"},
    "set-has-no-indicator": {"vi": "bộ tiêu chí {id!r} không có chỉ số {ident!r}",
                             "en": "criteria set {id!r} has no indicator {ident!r}"},
    "indicator-at-most": {"vi": "chỉ số {id!r} cho tối đa {most:g} điểm, không phải {value:g}",
                          "en": "indicator {id!r} gives at most {most:g} points, not {value:g}"},
    "its-grades": {"vi": "các mức xếp loại của bộ: {grades}", "en": "its grades: {grades}"},
    "no-grades": {"vi": "bộ tiêu chí không có xếp loại; hãy ghi 'grade: null' hoặc bỏ khóa này",
                  "en": "the set has no grades; write 'grade: null' or leave it out"},
    "set-has-no-grade": {"vi": "bộ tiêu chí {id!r} không có xếp loại {grade!r}",
                         "en": "criteria set {id!r} has no grade {grade!r}"},
    "total-above-max": {"vi": "tổng {total:g} điểm vượt quá {most:g} điểm tối đa mà bộ tiêu chí "
                              "{id!r} có thể cho",
                        "en": "a total of {total:g} is above the {most:g} points criteria set "
                              "{id!r} can give"},
    "no-test-files": {"vi": "không có tệp kiểm thử (*.test.yaml) trong {where}",
                      "en": "no test files (*.test.yaml) in {where}"},
    # targets files
    "shipped-targets": {"vi": "các tệp chỉ tiêu có sẵn: {ids}", "en": "shipped targets: {ids}"},
    "no-targets": {"vi": "không có tệp chỉ tiêu hay chỉ tiêu có sẵn nào mã {id!r}",
                   "en": "no targets file or shipped targets with id {id!r}"},
    "target-model-measure": {"vi": "{where} chỉ dùng được với thước đo {allowed!r}, không phải "
                                   "{measure!r}",
                             "en": "{where} is only allowed with measure {allowed!r}, not "
                                   "{measure!r}"},
    "target-model-measure-hint": {"vi": "hãy bỏ 'model', hoặc dùng thước đo 'recognised_share'",
                                  "en": "remove 'model', or use measure 'recognised_share'"},
    "target-model-missing-hint": {"vi": "thước đo 'recognised_share' đếm số đối tượng được công "
                                        "nhận của một mô hình; hãy ghi mô hình đó: citizen, "
                                        "family, clan, community hoặc unit",
                                  "en": "measure 'recognised_share' counts one model's "
                                        "recognised subjects; name it: citizen, family, clan, "
                                        "community or unit"},
    "not-a-milestone": {"vi": "{value!r} không phải là một năm mốc trong {where}",
                        "en": "{value!r} is not a milestone year in {where}"},
    "milestone-hint": {"vi": "mốc là năm kèm tỷ lệ phải đạt: {{2025: 0.7, 2030: 0.8}}",
                       "en": "milestones are years with their share: {{2025: 0.7, 2030: 0.8}}"},
    "target-unknown-model": {"vi": "không có mô hình {model!r} ở {where}",
                             "en": "unknown model {model!r} in {where}"},
    "known-models": {"vi": "các mô hình: {models}{more}", "en": "models: {models}{more}"},
    "plugin-models-later": {"vi": "; mô hình do plugin thêm được kiểm tra khi dùng chỉ tiêu "
                                  "(report)",
                            "en": "; a model a plugin adds is checked when the targets are used "
                                  "(report)"},
    "target-id-twice": {"vi": "mã chỉ tiêu {id!r} dùng hai lần",
                        "en": "target id {id!r} is used twice"},
    "hint-target-id": {"vi": "mã chỉ gồm chữ thường, chữ số, '_', '.' và '-'",
                       "en": "ids use lower-case letters, digits, '_', '.' and '-'"},
    "hint-area-code": {"vi": "mã đơn vị hành chính gồm các chữ số, ghi dạng văn bản: \"058\"",
                       "en": "an administrative code is digits, written as text: \"058\""},
    # reading YAML: its limits, tags, keys and values
    "yaml-too-deep": {"vi": "lồng nhau sâu hơn {limit} cấp",
                      "en": "nesting is deeper than {limit} levels"},
    "yaml-too-many-values": {"vi": "tài liệu có hơn {limit} giá trị",
                             "en": "the document has more than {limit} values"},
    "yaml-split-file": {"vi": "hãy chia thành các tệp nhỏ hơn",
                        "en": "split it into smaller files"},
    "yaml-aliases-expand": {"vi": "các bí danh (*) mở rộng thành hơn {limit} giá trị",
                            "en": "aliases expand to more than {limit} values"},
    "yaml-too-many-aliases": {"vi": "có hơn {limit} bí danh (*)",
                              "en": "more than {limit} aliases"},
    "yaml-alias-hint": {"vi": "bí danh của bí danh làm số giá trị nhân lên; hãy viết các giá trị "
                              "ra đầy đủ",
                        "en": "aliases of aliases multiply; write the values out"},
    "yaml-alias-recursive": {"vi": "bí danh {anchor!r} trỏ tới một nút chứa chính nó",
                             "en": "alias {anchor!r} refers to a node that contains it"},
    "yaml-alias-recursive-hint": {"vi": "không được dùng dữ liệu đệ quy",
                                  "en": "recursive data is not allowed"},
    "yaml-tag-not-allowed": {"vi": "không được dùng thẻ {tag!r}",
                             "en": "tag {tag!r} is not allowed"},
    "yaml-tag-hint": {"vi": "chỉ được dùng giá trị thường: văn bản, số, true/false, null, danh "
                            "sách, bảng khóa–giá trị",
                      "en": "only plain values are allowed: text, numbers, true/false, null, "
                            "lists, mappings"},
    "yaml-value-reason": {"vi": "{value} {reason}", "en": "{value} {reason}"},
    "yaml-value-is": {"vi": "{value} là {reason}", "en": "{value} is {reason}"},
    "yaml-value-not-tag": {"vi": "{value} không phải là một giá trị {tag} hợp lệ",
                           "en": "{value} is not a valid {tag}"},
    "yaml-value-not-finite": {"vi": "{value} không phải là một số hữu hạn",
                              "en": "{value} is not a finite number"},
    "yaml-value-not-finite-hint": {"vi": "hãy viết một số hữu hạn, hoặc đặt trong dấu ngoặc kép "
                                         "để thành văn bản",
                                   "en": "write a finite number, or quote it to make it text"},
    "yaml-key-not-text": {"vi": "khóa phải là văn bản, không phải danh sách hay bảng khóa–giá trị",
                          "en": "mapping keys must be text, not a list or mapping"},
    "yaml-key-reason": {"vi": "khóa {key} {reason}", "en": "the key {key} {reason}"},
    "yaml-key-twice": {"vi": "khóa {key!r} được ghi hai lần", "en": "duplicate key {key!r}"},
    "yaml-key-first-line": {"vi": "đã ghi lần đầu ở dòng {line}",
                            "en": "first defined at line {line}"},
    "yaml-merge-not-mapping": {"vi": "'<<' chỉ gộp được các bảng khóa–giá trị",
                               "en": "'<<' merges mappings only"},
    "yaml-merge-hint": {"vi": "hãy ghi sau nó bí danh của một bảng khóa–giá trị, hoặc một danh "
                              "sách các bí danh như vậy",
                        "en": "give it an alias of a mapping, or a list of them"},
    "os-no-permission": {"vi": "không có quyền đọc", "en": "permission denied"},
    # YAML syntax: what PyYAML says, in the same English
    "yaml-special-character": {"vi": "không được dùng ký tự đặc biệt {char!r}",
                               "en": "special character {char!r} is not allowed"},
    "yaml-special-character-hint": {"vi": "hãy xóa ký tự này, hoặc viết nó dưới dạng mã thoát "
                                          "trong một chuỗi đặt giữa dấu ngoặc kép",
                                    "en": "remove it, or write it as an escape inside a "
                                          "double-quoted string"},
    "yaml-tab": {"vi": "có ký tự tab ('\\t'): YAML không cho dùng tab để thụt lề; hãy thụt lề "
                       "bằng dấu cách",
                 "en": "found character '\\t' that cannot start any token"},
    "yaml-cannot-start": {"vi": "ký tự {char} không thể đứng đầu một giá trị; nếu đó là văn bản, "
                                "hãy đặt nó trong dấu ngoặc kép",
                          "en": "found character {char} that cannot start any token"},
    "yaml-no-colon": {"vi": "không tìm thấy dấu ':' sau khóa",
                      "en": "could not find expected ':'"},
    "yaml-entry-here": {"vi": "không được đặt một mục danh sách ('-') ở đây; hãy kiểm tra thụt lề",
                        "en": "sequence entries are not allowed here"},
    "yaml-key-here": {"vi": "không được đặt một khóa ('?') ở đây",
                      "en": "mapping keys are not allowed here"},
    "yaml-value-here": {"vi": "không được đặt một giá trị (sau dấu ':') ở đây: thụt lề sai, hoặc "
                              "một giá trị có ': ' mà không đặt trong dấu ngoặc kép",
                        "en": "mapping values are not allowed here"},
    "yaml-block-end": {"vi": "thụt lề không đúng: gặp {found} ở chỗ khối phía trên phải kết thúc; "
                             "các mục cùng cấp phải thẳng cột với nhau",
                       "en": "expected <block end>, but found {found}"},
    "yaml-flow-sequence-end": {"vi": "danh sách '[...]' thiếu ',' hoặc ']': gặp {found}; có dấu "
                                     "ngoặc nào chưa đóng?",
                               "en": "expected ',' or ']', but got {found}"},
    "yaml-flow-mapping-end": {"vi": "bảng '{{...}}' thiếu ',' hoặc '}}': gặp {found}; có dấu "
                                    "ngoặc nào chưa đóng?",
                              "en": "expected ',' or '}}', but got {found}"},
    "yaml-escape-digits": {"vi": "mã thoát cần {digits} chữ số thập lục phân, nhưng gặp {found}",
                           "en": "expected escape sequence of {digits} hexadecimal numbers, but "
                                 "found {found}"},
    "yaml-indentation-zero": {"vi": "chỉ báo thụt lề của khối văn bản phải từ 1 đến 9, không "
                                    "được là 0",
                              "en": "expected indentation indicator in the range 1-9, but found "
                                    "0"},
    "yaml-unknown-escape": {"vi": "mã thoát không hợp lệ: {char} sau dấu '\\'",
                            "en": "found unknown escape character {char}"},
    "yaml-end-in-quotes": {"vi": "tệp kết thúc khi dấu ngoặc của một chuỗi chưa được đóng",
                           "en": "found unexpected end of stream"},
    "yaml-separator-in-quotes": {"vi": "gặp dấu phân cách tài liệu ('---' hoặc '...') khi dấu "
                                       "ngoặc của một chuỗi chưa được đóng",
                                 "en": "found unexpected document separator"},
    "yaml-directive-twice": {"vi": "chỉ thị %YAML được ghi hai lần",
                             "en": "found duplicate YAML directive"},
    "yaml-version": {"vi": "phiên bản YAML không tương thích (cần phiên bản 1.*)",
                     "en": "found incompatible YAML document (version 1.* is required)"},
    "yaml-handle-twice": {"vi": "tiền tố thẻ {handle} được khai báo hai lần",
                          "en": "duplicate tag handle {handle}"},
    "yaml-handle-unknown": {"vi": "tiền tố thẻ {handle} chưa được khai báo",
                            "en": "found undefined tag handle {handle}"},
    "yaml-alias-unknown": {"vi": "bí danh {anchor} chưa được khai báo: không có neo (&) nào mang "
                                 "tên này ở phía trên",
                           "en": "found undefined alias {anchor}"},
    "yaml-anchor-twice": {"vi": "neo {anchor} được khai báo hai lần",
                          "en": "found duplicate anchor {anchor}"},
    "yaml-two-documents": {"vi": "tệp chỉ được chứa một tài liệu YAML, nhưng có thêm một tài liệu "
                                 "nữa (sau '---')",
                           "en": "expected a single document in the stream, but found another "
                                 "document"},
    "yaml-expected-found": {"vi": "cần {what}, nhưng gặp {found}",
                            "en": "expected {what}, but found {found}"},
    "yaml-expected-got": {"vi": "cần {what}, nhưng gặp {found}",
                          "en": "expected {what}, but got {found}"},
    "yaml-first-defined-at": {"vi": "khai báo lần đầu ở dòng {line}, cột {column}",
                              "en": "first defined at line {line}, column {column}"},
    "yaml-while-at": {"vi": "{context} bắt đầu từ dòng {line}, cột {column}",
                      "en": "{context} at line {line}, column {column}"},
    "yaml-while-scanning": {"vi": "{thing}", "en": "while scanning {thing}"},
    "yaml-while-parsing": {"vi": "{thing}", "en": "while parsing {thing}"},
    "yaml-thing-simple-key": {"vi": "khóa", "en": "a simple key"},
    "yaml-thing-directive": {"vi": "chỉ thị (%)", "en": "a directive"},
    "yaml-thing-anchor": {"vi": "neo (&)", "en": "an anchor"},
    "yaml-thing-alias": {"vi": "bí danh (*)", "en": "an alias"},
    "yaml-thing-tag": {"vi": "thẻ (!)", "en": "a tag"},
    "yaml-thing-block-scalar": {"vi": "khối văn bản ('|' hoặc '>')", "en": "a block scalar"},
    "yaml-thing-double-quoted": {"vi": "chuỗi trong dấu ngoặc kép",
                                 "en": "a double-quoted scalar"},
    "yaml-thing-quoted": {"vi": "chuỗi trong dấu ngoặc", "en": "a quoted scalar"},
    "yaml-thing-node": {"vi": "giá trị", "en": "a node"},
    "yaml-thing-block-node": {"vi": "giá trị", "en": "a block node"},
    "yaml-thing-flow-node": {"vi": "giá trị trong ngoặc", "en": "a flow node"},
    "yaml-thing-block-collection": {"vi": "khối", "en": "a block collection"},
    "yaml-thing-block-mapping": {"vi": "bảng khóa–giá trị", "en": "a block mapping"},
    "yaml-thing-flow-sequence": {"vi": "danh sách '[...]'", "en": "a flow sequence"},
    "yaml-thing-flow-mapping": {"vi": "bảng '{{...}}'", "en": "a flow mapping"},
    "yaml-expected-alphanumeric": {"vi": "một chữ cái hoặc chữ số",
                                   "en": "alphabetic or numeric character"},
    "yaml-expected-digit-dot": {"vi": "một chữ số hoặc '.'", "en": "a digit or '.'"},
    "yaml-expected-digit-space": {"vi": "một chữ số hoặc dấu cách", "en": "a digit or ' '"},
    "yaml-expected-digit": {"vi": "một chữ số", "en": "a digit"},
    "yaml-expected-space": {"vi": "một dấu cách", "en": "' '"},
    "yaml-expected-line-end": {"vi": "một chú thích (#) hoặc xuống dòng",
                               "en": "a comment or a line break"},
    "yaml-expected-angle": {"vi": "'>'", "en": "'>'"},
    "yaml-expected-bang": {"vi": "'!'", "en": "'!'"},
    "yaml-expected-uri": {"vi": "một URI", "en": "URI"},
    "yaml-expected-uri-escape": {"vi": "mã thoát URI gồm 2 chữ số thập lục phân",
                                 "en": "URI escape sequence of 2 hexadecimal numbers"},
    "yaml-expected-block-indicators": {"vi": "chỉ báo cắt dòng ('+', '-') hoặc chỉ báo thụt lề",
                                       "en": "chomping or indentation indicators"},
    "yaml-expected-indentation": {"vi": "chỉ báo thụt lề từ 1 đến 9",
                                  "en": "indentation indicator in the range 1-9"},
    "yaml-expected-document-start": {"vi": "dấu bắt đầu tài liệu ('---')",
                                     "en": "'<document start>'"},
    "yaml-expected-node": {"vi": "một giá trị", "en": "the node content"},
    "yaml-token-stream-start": {"vi": "đầu tệp", "en": "'<stream start>'"},
    "yaml-token-stream-end": {"vi": "cuối tệp", "en": "'<stream end>'"},
    "yaml-token-directive": {"vi": "một chỉ thị (%)", "en": "'<directive>'"},
    "yaml-token-document-start": {"vi": "dấu bắt đầu tài liệu ('---')",
                                  "en": "'<document start>'"},
    "yaml-token-document-end": {"vi": "dấu kết thúc tài liệu ('...')", "en": "'<document end>'"},
    "yaml-token-block-sequence": {"vi": "một danh sách mới", "en": "'<block sequence start>'"},
    "yaml-token-block-mapping": {"vi": "một bảng khóa–giá trị mới",
                                 "en": "'<block mapping start>'"},
    "yaml-token-block-end": {"vi": "chỗ kết thúc một khối", "en": "'<block end>'"},
    "yaml-token-alias": {"vi": "một bí danh (*)", "en": "'<alias>'"},
    "yaml-token-anchor": {"vi": "một neo (&)", "en": "'<anchor>'"},
    "yaml-token-tag": {"vi": "một thẻ (!)", "en": "'<tag>'"},
    "yaml-token-scalar": {"vi": "một giá trị", "en": "'<scalar>'"},
    # what a format-1 set may not say
    "needs-1-1": {"vi": "{what} cần định dạng 1.1, nhưng tệp này ghi định dạng 1",
                  "en": "{what} needs format 1.1, and this file says format 1"},
    "needs-1-1-hint": {"vi": "hãy ghi 'format: {format}' ở dòng đầu tiên: khóa này mới có từ "
                             "định dạng 1.1",
                       "en": "write 'format: {format}' as the first line: the key is new in "
                             "format 1.1"},
    "needs-1-1-when-from": {"vi": "thông tin {name!r}: 'when' trong 'from'",
                            "en": "input {name!r}: a 'when' in 'from'"},
    "needs-1-1-applies-to": {"vi": "'applies_to'", "en": "'applies_to'"},
    "needs-1-1-criterion-applies": {"vi": "tiêu chí {id!r}: 'applies'",
                                    "en": "criterion {id!r}: 'applies'"},
    "needs-1-1-recognition-source": {"vi": "'source' của điều kiện công nhận",
                                     "en": "the recognition's 'source'"},
    "needs-1-1-grade-source": {"vi": "xếp loại {id!r}: 'source' của xếp loại",
                               "en": "grade {id!r}: a grade's 'source'"},
    "needs-1-1-grade-when": {"vi": "xếp loại {id!r}: 'when' của xếp loại",
                             "en": "grade {id!r}: a grade's 'when'"},
    "needs-1-1-indicator-key": {"vi": "chỉ số {id!r}: {key!r}",
                                "en": "indicator {id!r}: {key!r}"},
    "needs-1-1-named-evidence": {"vi": "chỉ số {id!r}: văn bản minh chứng có tên ({{id, title, "
                                       "required}})",
                                 "en": "indicator {id!r}: a named evidence document ({{id, "
                                       "title, required}})"},
    # the values an input of kind enum may take
    "enum-listed-twice": {"vi": "giá trị '{value}' được liệt kê hai lần",
                          "en": "the value '{value}' is listed twice"},
    "enum-empty-word": {"vi": "một giá trị hoặc nhãn của '{value}' để trống",
                        "en": "a value or label of '{value}' is empty"},
    "enum-two-values": {"vi": "'{word}' chỉ cả hai giá trị '{first}' và '{value}': mỗi giá trị "
                              "và nhãn (không phân biệt chữ hoa, chữ thường) chỉ được chỉ một giá "
                              "trị",
                        "en": "'{word}' names two values, '{first}' and '{value}': every value "
                              "and label (compared without case) must name one value only"},
    # a set that extends another, and overlays
    "part-input": {"vi": "thông tin", "en": "input"},
    "part-derived-value": {"vi": "giá trị dẫn xuất", "en": "derived value"},
    "part-criterion": {"vi": "tiêu chí", "en": "criterion"},
    "part-indicator": {"vi": "chỉ số", "en": "indicator"},
    "part-recognition": {"vi": "điều kiện công nhận", "en": "recognition"},
    "part-inputs": {"vi": "minh chứng đầu vào", "en": "inputs"},
    "part-derived": {"vi": "giá trị dẫn xuất", "en": "derived"},
    "part-criteria": {"vi": "tiêu chí", "en": "criteria"},
    "part-indicators": {"vi": "chỉ số", "en": "indicators"},
    "change": {"vi": "{op} {part} {target}", "en": "{op} {part} {target}"},
    "change-recognition": {"vi": "{op} điều kiện công nhận", "en": "{op} recognition recognition"},
    "op-add": {"vi": "thêm", "en": "add"},
    "op-replace": {"vi": "thay", "en": "replace"},
    "op-remove": {"vi": "bỏ", "en": "remove"},
    "extends-other-model": {"vi": "mô hình {model!r} khác mô hình {base!r} của bộ tiêu chí gốc",
                            "en": "model {model!r} differs from the base's {base!r}"},
    "extends-none-such": {"vi": "không {op} được {part} {name!r}: bộ tiêu chí {base!r} không có",
                          "en": "cannot {op} {part} {name!r}: {base!r} has none"},
    "extends-no-criterion": {"vi": "không thêm được chỉ số {id!r} vào tiêu chí {criterion!r}: "
                                   "không có tiêu chí này",
                             "en": "cannot add indicator {id!r} to criterion {criterion!r}: "
                                   "there is no such criterion"},
    "extends-exists": {"vi": "{part} {name!r} đã có trong bộ tiêu chí {base!r} ({where})",
                       "en": "{part} {name!r} already exists in {base!r} ({where})"},
    "extends-exists-hint": {"vi": "hãy dùng 'replace' để thay đổi nó",
                            "en": "use 'replace' to change it"},
    "extends-emptied": {"vi": "tiêu chí {id!r} không còn chỉ số nào khi các chỉ số của nó bị bỏ",
                        "en": "criterion {id!r} has no indicator left once its indicators are "
                              "removed"},
    "extends-emptied-hint": {"vi": "hãy bỏ cả tiêu chí (remove: {{criteria: [{id}]}}), hoặc thêm "
                                   "một chỉ số cho nó",
                             "en": "remove the criterion too (remove: {{criteria: [{id}]}}), or "
                                   "add an indicator to it"},
    "extends-removed-hint": {"vi": "{part} {name!r} đã bị bỏ ở {at}; hãy bỏ hoặc thay cả những "
                                   "chỗ dùng nó",
                             "en": "{part} {name!r} is removed by {at}; remove or replace what "
                                   "reads it too"},
    "overlay-format": {"vi": "tệp điều chỉnh phải bắt đầu bằng 'format: {format}'",
                       "en": "an overlay file starts with 'format: {format}'"},
    "overlay-unknown-key": {"vi": "khóa {key!r} không có trong định dạng của tệp điều chỉnh",
                            "en": "unknown key {key!r} in an overlay"},
    "overlay-needs": {"vi": "tệp điều chỉnh cần khóa {key!r} (văn bản)",
                      "en": "an overlay needs {key!r} (text)"},
    "overlay-after-list": {"vi": "'after' phải là một danh sách tên các điều chỉnh",
                           "en": "'after' must be a list of overlay names"},
    "overlay-after-absent": {"vi": "điều chỉnh {name!r} phải áp dụng sau {after!r}, nhưng "
                                   "{after!r} không được áp dụng",
                             "en": "overlay {name!r} must come after {after!r}, which is not "
                                   "applied"},
    "overlay-cycle": {"vi": "các điều chỉnh đòi áp dụng sau nhau theo vòng tròn: {trail}",
                      "en": "overlays must each come after the other: {trail}"},
    "overlay-conflict": {"vi": "hai điều chỉnh {a!r} và {b!r} cùng thay đổi {part} {item!r} của "
                               "bộ tiêu chí {target!r}",
                         "en": "overlays {a!r} and {b!r} both change {part} {item!r} of "
                               "{target!r}"},
    "overlay-conflict-hint": {"vi": "hãy nêu thứ tự: ghi 'after: [{a}]' trong {b!r}",
                              "en": "declare an order: 'after: [{a}]' in {b!r}"},
    # the catalogue of sets, and what plugins offer it
    "word-none": {"vi": "không có", "en": "none"},
    "set-id-twice": {"vi": "mã bộ tiêu chí {id!r} bị dùng hai lần",
                     "en": "criteria set id {id!r} is used twice"},
    "sets-extend-cycle": {"vi": "các bộ tiêu chí kế thừa (extends) vòng tròn nhau: {cycle}",
                          "en": "sets extend each other: {cycle}"},
    "sets-overlap": {"vi": "hai bộ tiêu chí {a!r} và {b!r} cùng áp dụng cho mô hình {model!r} "
                           "trong {years}",
                     "en": "sets {a!r} and {b!r} both govern {model!r} in {years}"},
    "sets-overlap-hint": {"vi": "hãy cho các bộ tiêu chí những giai đoạn không trùng nhau, cho bộ "
                                "này mở rộng (extends) bộ kia, hoặc (định dạng 1.1) ghi cho mỗi "
                                "bộ một 'applies_to' nêu các đối tượng mà nó áp dụng, ví dụ "
                                "applies_to: \"level == 'commune'\"",
                          "en": "give the sets periods that do not overlap, make one extend the "
                                "other, or (format 1.1) give each an 'applies_to' naming the "
                                "subjects it is for, e.g. applies_to: \"level == 'commune'\""},
    "sets-in-force-several": {"vi": "có nhiều bộ tiêu chí của mô hình {model!r} cùng có hiệu lực "
                                    "năm {year}, mỗi bộ cho các đối tượng mà applies_to của nó "
                                    "nêu: {sets}; hãy đánh giá với --model {model} --year {year} "
                                    "(mỗi hồ sơ được đưa vào bộ của nó), hoặc chọn một bộ bằng "
                                    "mã của nó",
                              "en": "several criteria sets for {model!r} are in force in {year}, "
                                    "each for the subjects its applies_to names: {sets}; "
                                    "evaluate with --model {model} --year {year} (each record "
                                    "goes to its set), or choose one with its id"},
    "no-set-for-model": {"vi": "không có bộ tiêu chí nào cho mô hình {model!r}; các mô hình hiện "
                               "có: {models}",
                         "en": "no criteria set for model {model!r}; known models: {models}"},
    "no-set-covers": {"vi": "không có bộ tiêu chí nào của mô hình {model!r} áp dụng cho năm "
                            "{year}; các giai đoạn hiện có: {periods}",
                      "en": "no criteria set for {model!r} covers {year}; periods available: "
                            "{periods}"},
    "sets-cover-several": {"vi": "có nhiều bộ tiêu chí của mô hình {model!r} cùng áp dụng cho năm "
                                 "{year}: {ids}; hãy chọn một bộ bằng mã của nó (các bộ cùng có "
                                 "hiệu lực phải nêu rõ mỗi bộ áp dụng cho đối tượng nào bằng "
                                 "applies_to)",
                           "en": "several criteria sets for {model!r} cover {year}: {ids}; "
                                 "choose one with its id (sets in force together must each say "
                                 "which subjects they are for with applies_to)"},
    "no-overlay-named": {"vi": "không có điều chỉnh nào tên {name!r}; các điều chỉnh hiện có: "
                               "{names}",
                         "en": "no overlay named {name!r}; available: {names}"},
    "overlays-none": {"vi": "không có (không plugin nào cung cấp điều chỉnh)",
                      "en": "none (no plugin offers overlays)"},
    "plugin-failed": {"vi": "plugin {plugin!r} bị lỗi khi chạy {hook}: {error}",
                      "en": "plugin {plugin!r} failed in {hook}: {error}"},
    "plugin-not-list": {"vi": "plugin {plugin!r}: {hook} phải trả về một danh sách {what}, nhưng "
                              "trả về {kind}",
                        "en": "plugin {plugin!r}: {hook} must return a list of {what}, got "
                              "{kind}"},
    "plugin-not-item": {"vi": "plugin {plugin!r}: {hook} trả về {item}, không phải {what}",
                        "en": "plugin {plugin!r}: {hook} returned {item}, which is not {what}"},
    "plugin-what-sources": {"vi": "thư mục hoặc tài liệu bộ tiêu chí (bảng khóa–giá trị)",
                            "en": "directories or set documents (mappings)"},
    "plugin-what-overlays": {"vi": "đối tượng Overlay", "en": "Overlay objects"},
    "plugin-what-functions": {"vi": "đối tượng Function", "en": "Function objects"},
    "plugin-no-directory": {"vi": "plugin {plugin!r}: không có thư mục bộ tiêu chí {folder!r}",
                            "en": "plugin {plugin!r}: criteria directory {folder!r} does not "
                                  "exist"},
    "plugin-overlay-twice": {"vi": "plugin {plugin!r}: điều chỉnh {name!r} đã được plugin "
                                   "{other!r} cung cấp",
                             "en": "plugin {plugin!r}: overlay {name!r} is already offered by "
                                   "{other!r}"},
    "plugin-function-twice": {"vi": "plugin {plugin!r}: hàm {name!r} đã được đăng ký",
                              "en": "plugin {plugin!r}: function {name!r} is already registered"},
    "plugin-says": {"vi": "plugin {plugin!r}: {error}", "en": "plugin {plugin!r}: {error}"},
    "keys-and": {"vi": "{keys} và {last!r}", "en": "{keys} and {last!r}"},
    # evaluating with sets, rolling up, and comparing two sets
    "no-set-given": {"vi": "không có bộ tiêu chí nào được chỉ cho mô hình {model!r}",
                     "en": "no criteria set given for {model!r}"},
    "no-set-given-year": {"vi": "không có bộ tiêu chí nào được chỉ cho mô hình {model!r}; hãy cho "
                                "biết năm đánh giá để dùng các bộ tiêu chí có hiệu lực năm đó",
                          "en": "no criteria set given for {model!r}; give the evaluation year "
                                "to use the sets in force"},
    "models-cycle": {"vi": "các mô hình phụ thuộc vòng tròn vào nhau: {cycle}",
                     "en": "models depend on each other: {cycle}"},
    "from-when-condition": {"vi": "'from: when: {when}' phải là một điều kiện (đúng hoặc sai) trên "
                                  "các thông tin của {model!r}, nhưng có kiểu {found}",
                            "en": "'from: when: {when}' must be a condition (true or false) over "
                                  "the inputs of {model!r}, found {found}"},
    "from-when-any": {"vi": "'from: when' đếm các đối tượng {model!r} theo thông tin của chúng, "
                            "mà chỉ khi đánh giá các đối tượng đó mới đọc đến",
                      "en": "'from: when' counts {model!r} subjects by their inputs, which only "
                            "their evaluation reads"},
    "from-when-any-hint": {"vi": "hãy ghi một trạng thái ở 'where' (evaluated, recognised, …) "
                                 "cùng với 'when'",
                           "en": "give a status in 'where' (evaluated, recognised, …) with "
                                 "'when'"},
    "no-set-to-evaluate": {"vi": "không có bộ tiêu chí nào để đánh giá",
                           "en": "no criteria set to evaluate with"},
    "sets-several-models": {"vi": "các bộ tiêu chí đã cho thuộc nhiều mô hình: {models}",
                            "en": "sets of several models given: {models}"},
    "targets-need-year": {"vi": "chỉ tiêu cần năm đánh giá; hãy đánh giá với một năm cụ thể",
                          "en": "targets need the evaluation year; evaluate with a year"},
    "set-reads-year": {"vi": "bộ tiêu chí {id!r} đọc năm đánh giá: hãy cho biết year=",
                       "en": "criteria set {id!r} reads the evaluation year: give year="},
    "round-ndigits": {"vi": "round(): ndigits phải là một số nguyên ghi trực tiếp, từ 0 đến 15",
                      "en": "round(): ndigits must be a literal integer from 0 to 15"},
    "sets-other-models": {"vi": "hai bộ tiêu chí thuộc hai mô hình khác nhau: {before!r} là mô "
                                "hình {before_model!r}, {after!r} là mô hình {after_model!r}",
                          "en": "the sets are of different models: {before!r} is "
                                "{before_model!r}, {after!r} is {after_model!r}"},
    # lint: what a set says that cannot be meant
    "lint-never-passes": {"vi": "điều kiện công nhận không thỏa mãn ngay cả khi mọi chỉ số đều đạt "
                                "đủ điểm (tổng {top:g}/{top:g} điểm): không đối tượng nào được "
                                "công nhận",
                          "en": "the pass rule fails even when every indicator is fully met "
                                "(total {top:g} of {top:g}): no subject can be recognised"},
    "lint-always-passes": {"vi": "điều kiện công nhận luôn thỏa mãn kể cả khi không chỉ số nào "
                                 "đạt (tổng 0 điểm): mọi đối tượng đều được công nhận",
                           "en": "the pass rule holds even when no indicator is met (total 0): "
                                 "every subject is recognised"},
    "lint-threshold-above-max": {"vi": "điều kiện công nhận đòi '{name} {op} {value:g}', nhưng "
                                       "{what} chỉ là {limit:g}",
                                 "en": "the pass rule needs '{name} {op} {value:g}', but {what} "
                                       "is {limit:g}"},
    "lint-what-total": {"vi": "tổng điểm tối đa", "en": "the maximum total"},
    "lint-what-share": {"vi": "tỷ lệ lớn nhất (toàn bộ số điểm được tính)",
                        "en": "the largest share (all the points that apply)"},
    "lint-what-criterion": {"vi": "số điểm tối đa của tiêu chí {id!r}",
                            "en": "the most criterion {id!r} can give"},
    "lint-grade-above-max": {"vi": "xếp loại {id!r} cần {min:g} điểm, nhiều hơn tổng điểm tối đa "
                                   "{top:g}: không đối tượng nào đạt được",
                             "en": "grade {id!r} needs {min:g} points, more than the maximum "
                                   "total {top:g}: no subject can reach it"},
    "lint-zero-level": {"vi": "mức {n} của {id!r}: một mức 0 điểm cũng như không khớp mức nào",
                        "en": "level {n} of {id!r}: a level worth 0 points is the same as no "
                              "match"},
    "lint-remove-level": {"vi": "hãy bỏ mức này", "en": "remove the level"},
    "lint-levels-order": {"vi": "mức {n} của {id!r} cho nhiều điểm ({points:g}) hơn mức {before} "
                                "({before_points:g}); mức đầu tiên thỏa mãn sẽ được tính",
                          "en": "level {n} of {id!r} gives more points ({points:g}) than level "
                                "{before} ({before_points:g}); the first level that holds wins"},
    "lint-levels-order-hint": {"vi": "hãy liệt kê các mức từ đòi hỏi cao nhất đến thấp nhất",
                               "en": "list levels from the most to the least demanding"},
    "lint-level-never": {"vi": "mức {n} của {id!r} không bao giờ thỏa mãn: '{expr}' không bao giờ "
                               "đúng",
                         "en": "level {n} of {id!r} can never hold: '{expr}' is never true"},
    "lint-level-shadowed": {"vi": "mức {n} của {id!r} không bao giờ được tính: mỗi khi '{expr}' "
                                  "đúng thì một mức trước nó đã khớp",
                            "en": "level {n} of {id!r} can never be reached: whenever '{expr}' "
                                  "holds, an earlier level already matches"},
    "lint-mandatory-never": {"vi": "chỉ số bắt buộc {id!r} không bao giờ đạt: điều kiện của nó "
                                   "không bao giờ đúng, nên không đối tượng nào được công nhận",
                             "en": "mandatory indicator {id!r} can never be met: its condition "
                                   "is never true, so no subject can be recognised"},
    "lint-never-met": {"vi": "chỉ số {id!r} không bao giờ đạt: điều kiện của nó không bao giờ "
                             "đúng",
                       "en": "indicator {id!r} can never be met: its condition is never true"},
    "lint-mandatory-not-full": {"vi": "chỉ số bắt buộc {id!r} không bao giờ đạt đủ điểm: {why}, "
                                      "nên không đối tượng nào được công nhận",
                                "en": "mandatory indicator {id!r} can never be fully met: {why}, "
                                      "so no subject can be recognised"},
    "lint-no-full-level": {"vi": "không mức nào cho đủ số điểm của chỉ số",
                           "en": "no level gives its full points"},
    "lint-full-level-unreached": {"vi": "không mức nào cho đủ số điểm có thể đạt tới",
                                  "en": "no level with its full points can be reached"},
    "lint-comparison-bounds": {"vi": "'{name} {op} {value:g}' {verdict}: {bounds}",
                               "en": "'{name} {op} {value:g}' {verdict}: {bounds}"},
    "lint-never-holds": {"vi": "không bao giờ đúng", "en": "can never hold"},
    "lint-always-holds": {"vi": "luôn đúng", "en": "always holds"},
    "lint-bounds-both": {"vi": "{name!r} được khai báo từ {low:g} đến {high:g}",
                         "en": "{name!r} is declared from {low:g} to {high:g}"},
    "lint-bounds-most": {"vi": "{name!r} tối đa là {high:g}", "en": "{name!r} is at most {high:g}"},
    "lint-bounds-least": {"vi": "{name!r} tối thiểu là {low:g}",
                          "en": "{name!r} is at least {low:g}"},
    "lint-bounds-hint": {"vi": "hãy kiểm tra hằng số, hoặc giá trị tối thiểu và tối đa của thông "
                               "tin",
                         "en": "check the constant, or the input's minimum and maximum"},
    "lint-divides-by-zero": {"vi": "'{expr}' chia cho 0, nên giá trị của nó bị thiếu với mọi đối "
                                   "tượng",
                             "en": "'{expr}' divides by zero, so its value is missing for every "
                                   "subject"},
    "lint-divides-by-zero-hint": {"vi": "hãy chia cho một thông tin hoặc giá trị dẫn xuất, hoặc "
                                        "dùng ratio(a, b), hàm này vẫn cho giá trị khi b bằng 0",
                                  "en": "divide by an input or derived value, or use ratio(a, b), "
                                        "which gives a value when b is 0"},
    "lint-overflow-unbounded": {"vi": "'{expr}' nhân một giá trị không có {missing}, nên có thể "
                                      "vượt quá số nguyên 64 bit (±9,2 × 10^18); khi đó giá trị "
                                      "của nó bị thiếu",
                                "en": "'{expr}' multiplies a value with no {missing}, so it can "
                                      "exceed 64-bit integers (±9.2 × 10^18); where it does, its "
                                      "value is missing"},
    "lint-missing-both": {"vi": "giá trị tối thiểu hoặc tối đa được khai báo",
                          "en": "declared minimum or maximum"},
    "lint-missing-min": {"vi": "giá trị tối thiểu được khai báo", "en": "declared minimum"},
    "lint-missing-max": {"vi": "giá trị tối đa được khai báo", "en": "declared maximum"},
    "lint-overflow-unbounded-hint": {"vi": "hãy khai báo 'minimum' và 'maximum' cho các thông tin "
                                           "mà nó đọc",
                                     "en": "declare a 'minimum' and a 'maximum' for the inputs it "
                                           "reads"},
    "lint-overflow-reach": {"vi": "'{expr}' có thể đạt tới {reach} với các giới hạn đã khai báo, "
                                  "vượt quá số nguyên 64 bit (±9,2 × 10^18); khi đó giá trị của "
                                  "nó bị thiếu",
                            "en": "'{expr}' can reach {reach} given the declared bounds, beyond "
                                  "64-bit integers (±9.2 × 10^18); where it does, its value is "
                                  "missing"},
    "lint-overflow-reach-hint": {"vi": "hãy hạ giới hạn của các thông tin hoặc các hằng số, hoặc "
                                       "tính bằng số thực (ví dụ 1.0 * x) khi không cần chính xác "
                                       "tuyệt đối",
                                 "en": "lower the inputs' bounds or the constants, or compute "
                                       "with a number (e.g. 1.0 * x) where exactness is not "
                                       "needed"},
    "lint-unused-input": {"vi": "thông tin {name!r} không được dùng: {why}",
                          "en": "input {name!r} is never used: {why}"},
    "lint-read-by-unused": {"vi": "chỉ các giá trị dẫn xuất không được dùng mới đọc nó",
                            "en": "only derived values that are never used read it"},
    "lint-read-by-none": {"vi": "không chỉ số hay giá trị dẫn xuất nào đọc nó",
                          "en": "no indicator or derived value reads it"},
    "lint-unused-derived": {"vi": "giá trị dẫn xuất {name!r} không được dùng: không chỉ số nào "
                                  "đọc nó",
                            "en": "derived value {name!r} is never used: no indicator reads it"},
    "lint-unused-hint": {"vi": "hãy bỏ nó, hoặc dùng nó trong một điều kiện",
                         "en": "remove it, or use it in a condition"},
    "lint-set-unverified": {"vi": "nguồn của bộ tiêu chí chưa được xác minh và không có ghi chú",
                            "en": "the set's source is not verified and has no note"},
    "lint-indicator-unverified": {"vi": "nguồn của chỉ số {id!r} chưa được xác minh và không có "
                                        "ghi chú",
                                  "en": "the source of indicator {id!r} is not verified and has "
                                        "no note"},
    "lint-unverified-hint": {"vi": "hãy thêm 'note' nói rõ nội dung hoặc số điểm dựa trên văn "
                                   "bản nào",
                             "en": "add a 'note' saying what the text or points rest on"},
    "lint-set-no-reference": {"vi": "nguồn của bộ tiêu chí đã được xác minh nhưng không nêu url "
                                    "hay văn bản nào",
                              "en": "the set's source is verified but names no url and no "
                                    "document"},
    "lint-indicator-no-reference": {"vi": "nguồn của chỉ số {id!r} đã được xác minh nhưng không "
                                          "nêu url hay văn bản nào",
                                    "en": "the source of indicator {id!r} is verified but names "
                                          "no url and no document"},
    "lint-reference-hint": {"vi": "hãy thêm 'url' của một bản công khai, hoặc 'document' (số và "
                                  "ngày của văn bản) đã dùng để đối chiếu",
                            "en": "add the 'url' of a public copy, or the 'document' (number and "
                                  "date) it was checked against"},
    "lint-no-diacritics": {"vi": "tiêu đề tiếng Việt của {part} {id!r} không có dấu tiếng Việt: "
                                 "{title!r}; có phải dấu đã bị mất?",
                           "en": "the Vietnamese title of {part} {id!r} has no Vietnamese "
                                 "diacritics: {title!r}; were they stripped?"},
    "lint-no-diacritics-hint": {"vi": "hãy viết tiêu đề có đủ dấu (và lưu tệp theo mã UTF-8)",
                                "en": "write the title with its diacritics (and save the file as "
                                      "UTF-8)"},
    "lint-untested": {"vi": "không trường hợp kiểm thử nào kiểm tra chỉ số {id!r}",
                      "en": "no test case checks indicator {id!r}"},
    "lint-untested-hint": {"vi": "hãy thêm một trường hợp có 'expect: indicators:' nêu chỉ số này",
                           "en": "add a case whose 'expect: indicators:' names it"},
    # why Python's parser refused an expression, in the same English
    "py-invalid-syntax": {"vi": "sai cú pháp", "en": "invalid syntax"},
    "py-forgot-comma": {"vi": "sai cú pháp; có phải thiếu dấu phẩy?",
                        "en": "invalid syntax. Perhaps you forgot a comma?"},
    "py-equals": {"vi": "sai cú pháp; có phải ý là '==' (so sánh bằng) thay vì '='?",
                  "en": "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"},
    "py-never-closed": {"vi": "dấu '{bracket}' mở ra nhưng chưa được đóng",
                        "en": "'{bracket}' was never closed"},
    "py-unmatched": {"vi": "dấu '{bracket}' không có dấu mở tương ứng",
                     "en": "unmatched '{bracket}'"},
    "py-mismatched": {"vi": "dấu đóng '{closing}' không khớp với dấu mở '{opening}'",
                      "en": "closing parenthesis '{closing}' does not match opening parenthesis "
                            "'{opening}'"},
    "py-unterminated": {"vi": "chuỗi văn bản chưa có dấu nháy đóng (phát hiện ở dòng {line})",
                        "en": "unterminated string literal (detected at line {line})"},
    "py-unterminated-triple": {"vi": "chuỗi văn bản trong ba dấu nháy chưa được đóng (phát hiện "
                                     "ở dòng {line})",
                               "en": "unterminated triple-quoted string literal (detected at "
                                     "line {line})"},
    "py-invalid-decimal": {"vi": "số viết không hợp lệ", "en": "invalid decimal literal"},
    "py-invalid-hexadecimal": {"vi": "số thập lục phân viết không hợp lệ",
                               "en": "invalid hexadecimal literal"},
    "py-invalid-octal": {"vi": "số bát phân viết không hợp lệ", "en": "invalid octal literal"},
    "py-invalid-binary": {"vi": "số nhị phân viết không hợp lệ", "en": "invalid binary literal"},
    "py-invalid-character": {"vi": "không được dùng ký tự '{char}' ({code}) trong biểu thức",
                             "en": "invalid character '{char}' ({code})"},
    "py-non-printable": {"vi": "có ký tự không in được {code} (ví dụ dấu cách không ngắt dòng)",
                         "en": "invalid non-printable character {code}"},
    "py-leading-zeros": {"vi": "số nguyên không được viết với chữ số 0 ở đầu",
                         "en": "leading zeros in decimal integer literals are not permitted; use "
                               "an 0o prefix for octal integers"},
    "py-after-backslash": {"vi": "có ký tự đứng sau dấu '\\' nối dòng",
                           "en": "unexpected character after line continuation character"},
    "py-if-without-else": {"vi": "biểu thức 'if' thiếu phần 'else'",
                           "en": "expected 'else' after 'if' expression"},
    "py-unexpected-end": {"vi": "biểu thức kết thúc khi chưa đủ",
                          "en": "unexpected EOF while parsing"},
    # validate and lint
    "cli-nothing-found": {"vi": "không tìm thấy {what} nào trong {where}",
                          "en": "no {what} found in {where}"},
    "cli-by-format": {"vi": "tệp được nhận ra nhờ dòng 'format:', ví dụ 'format: "
                            "learning-models/criteria-set/1'",
                      "en": "files are recognised by their 'format:' line, e.g. 'format: "
                            "learning-models/criteria-set/1'"},
    "cli-any-document": {"vi": "bộ tiêu chí, tệp kiểm thử hay tệp chỉ tiêu",
                         "en": "criteria sets, test files or targets files"},
    "cli-criteria-sets": {"vi": "bộ tiêu chí", "en": "criteria sets"},
    "cli-test-files": {"vi": "tệp kiểm thử", "en": "test files"},
    "cli-targets-files": {"vi": "tệp chỉ tiêu", "en": "targets files"},
    "cli-valid-count": {"vi": "{ok}/{n} {what} hợp lệ", "en": "{ok} of {n} {what} valid"},
    "cli-formats-hint": {"vi": "lệnh này đọc các tệp learning-models/criteria-set/1, "
                               "learning-models/test-cases/1 và learning-models/targets/1",
                         "en": "this command reads learning-models/criteria-set/1, "
                               "learning-models/test-cases/1 and learning-models/targets/1 "
                               "files"},
    "cli-lint-count": {"vi": "{errors}, {warnings}", "en": "{errors}, {warnings}"},
    "count-error": {"vi": "{n} lỗi", "en": "{n} error"},
    "count-errors": {"vi": "{n} lỗi", "en": "{n} errors"},
    "count-warning": {"vi": "{n} cảnh báo", "en": "{n} warning"},
    "count-warnings": {"vi": "{n} cảnh báo", "en": "{n} warnings"},
    "in-file": {"vi": "{file}: {text}", "en": "{file}: {text}"},
    # expressions
    "at-column": {"vi": " (tại cột {column})", "en": " (at column {column})"},
    "at-line-column": {"vi": " (tại dòng {line}, cột {column})",
                       "en": " (at line {line}, column {column})"},
    "type-boolean": {"vi": "đúng/sai", "en": "boolean"},
    "type-integer": {"vi": "số nguyên", "en": "integer"},
    "type-number": {"vi": "số", "en": "number"},
    "type-string": {"vi": "văn bản", "en": "string"},
    "type-numeric": {"vi": "số", "en": "numeric"},
    "type-any": {"vi": "giá trị bất kỳ", "en": "any"},
    "hint-none": {"vi": "thiếu minh chứng thì giá trị đã là null; hãy dùng default(x, giá trị "
                        "thay thế) để thay nó",
                  "en": "missing evidence is already null; use default(x, fallback) to replace "
                        "it"},
    "hint-true-false": {"vi": "giá trị đúng/sai viết là True và False",
                        "en": "booleans are written True and False"},
    "hint-call-function": {"vi": "{name} là một hàm: hãy gọi nó, như {name}(...)",
                           "en": "{name} is a function: call it, as in {name}(...)"},
    "unknown-name": {"vi": "không có tên {name!r} trong bộ tiêu chí",
                     "en": "unknown name {name!r}"},
    "needs-operands": {"vi": "{what} cần toán hạng kiểu {wanted}, nhưng có {found}",
                       "en": "{what} needs {wanted} operands, found {found}"},
    "compares-one-type": {"vi": "'{op}' so sánh các giá trị cùng kiểu, nhưng có {first} và "
                                "{second}",
                          "en": "'{op}' compares values of one type, found {first} and "
                                "{second}"},
    "not-enum-value": {"vi": "{value!r} không phải là một giá trị của {name!r}; các giá trị "
                             "được dùng: {allowed}",
                       "en": "{value!r} is not a value of {name!r}; allowed values: {allowed}"},
    "list-and-more": {"vi": "{shown} và {more} giá trị khác", "en": "{shown} and {more} more"},
    "what-if-condition": {"vi": "điều kiện của 'if'", "en": "the condition of 'if'"},
    "if-branches": {"vi": "hai nhánh của 'if' phải cùng kiểu, nhưng có {body} và {orelse}",
                    "en": "both branches of 'if' need one type, found {body} and {orelse}"},
    "in-items": {"vi": "'in' cần các phần tử kiểu {wanted}, nhưng có {kind} {value!r}",
                 "en": "'in' needs {wanted} list items, found {kind} {value!r}"},
    "unknown-function": {"vi": "không có hàm {name!r}", "en": "unknown function {name!r}"},
    "arity-at-least-1": {"vi": "ít nhất {n} đối số", "en": "at least {n} argument"},
    "arity-at-least": {"vi": "ít nhất {n} đối số", "en": "at least {n} arguments"},
    "arity-exactly-1": {"vi": "{n} đối số", "en": "{n} argument"},
    "arity-exactly": {"vi": "{n} đối số", "en": "{n} arguments"},
    "arity-range": {"vi": "từ {low} đến {high} đối số", "en": "{low} to {high} arguments"},
    "function-arity": {"vi": "{name}() nhận {arity}, nhưng có {count}",
                       "en": "{name}() takes {arity}, found {count}"},
    "arguments-misfit": {"vi": "các đối số của {name}() không đi cùng nhau được: {kinds}",
                         "en": "the arguments of {name}() do not fit together: {kinds}"},
    "argument-type": {"vi": "đối số thứ {number} của {name}() phải là {wanted}, nhưng có "
                            "{found}",
                      "en": "argument {number} of {name}() must be {wanted}, found {found}"},
    "argument-literal": {"vi": "đối số thứ {number} của {name}() phải là một giá trị cố định",
                         "en": "argument {number} of {name}() must be a literal value"},
    "expression-too-deep": {"vi": "biểu thức lồng nhau quá {depth} tầng",
                            "en": "the expression is nested more than {depth} levels deep"},
    "forbidden-syntax": {"vi": "không được dùng {what} trong biểu thức",
                         "en": "{what} is not allowed in an expression"},
    "syntax-with-text": {"vi": "{what} {text}", "en": "{what} {text}"},
    "syntax-this-construct": {"vi": "cấu trúc này", "en": "this construct"},
    "syntax-attribute-access": {"vi": "truy cập thuộc tính", "en": "attribute access"},
    "syntax-subscript": {"vi": "chỉ số truy cập (subscript)", "en": "subscript"},
    "syntax-slice": {"vi": "cắt lát (slice)", "en": "slice"},
    "syntax-lambda": {"vi": "lambda", "en": "lambda"},
    "syntax-list-comprehension": {"vi": "biểu thức tạo danh sách (list comprehension)",
                                  "en": "list comprehension"},
    "syntax-set-comprehension": {"vi": "biểu thức tạo tập hợp (set comprehension)",
                                 "en": "set comprehension"},
    "syntax-dict-comprehension": {"vi": "biểu thức tạo từ điển (dict comprehension)",
                                  "en": "dict comprehension"},
    "syntax-generator-expression": {"vi": "biểu thức sinh (generator expression)",
                                    "en": "generator expression"},
    "syntax-f-string": {"vi": "chuỗi định dạng (f-string)", "en": "f-string"},
    "syntax-assignment-expression": {"vi": "phép gán trong biểu thức",
                                     "en": "assignment expression"},
    "syntax-dict-literal": {"vi": "từ điển (dict)", "en": "dict literal"},
    "syntax-set-literal": {"vi": "tập hợp (set)", "en": "set literal"},
    "syntax-tuple-literal": {"vi": "bộ giá trị (tuple)", "en": "tuple literal"},
    "syntax-list-literal": {"vi": "danh sách", "en": "list literal"},
    "syntax-starred-expression": {"vi": "biểu thức có dấu * (starred)",
                                  "en": "starred expression"},
    "syntax-await": {"vi": "await", "en": "await"},
    "syntax-yield": {"vi": "yield", "en": "yield"},
    "syntax-yield-from": {"vi": "yield from", "en": "yield from"},
    "hint-no-attributes": {"vi": "tên là các từ đơn; không có thuộc tính",
                           "en": "names are plain words; there are no attributes"},
    "hint-plain-string": {"vi": "hãy viết một chuỗi thường", "en": "write a plain string"},
    "hint-list-after-in": {"vi": "danh sách chỉ được đứng sau 'in', như x in [1, 2]",
                           "en": "lists may only follow 'in', as in x in [1, 2]"},
    "hint-power": {"vi": "hãy nhân trực tiếp, ví dụ x * x",
                   "en": "multiply explicitly, e.g. x * x"},
    "hint-floor-division": {"vi": "hãy dùng round() hoặc ratio()",
                            "en": "use round() or ratio()"},
    "hint-use-and": {"vi": "hãy dùng 'and'", "en": "use 'and'"},
    "hint-use-or": {"vi": "hãy dùng 'or'", "en": "use 'or'"},
    "hint-use-not": {"vi": "hãy dùng 'not'", "en": "use 'not'"},
    "hint-use-equals": {"vi": "hãy dùng '==' hoặc '!='", "en": "use '==' or '!='"},
    "hint-join-and": {"vi": "hãy nối chúng bằng 'and'", "en": "join them with 'and'"},
    "hint-in-list": {"vi": "hãy viết các giá trị thành danh sách, như x in [1, 2]",
                     "en": "write the values as a list, as in x in [1, 2]"},
    "hint-only-functions": {"vi": "chỉ gọi được các hàm như ratio() hoặc min()",
                            "en": "only functions such as ratio() or min() can be called"},
    "hint-by-position": {"vi": "hãy truyền đối số theo vị trí",
                         "en": "pass arguments by position"},
    "syntax-large-number": {"vi": "một số lớn như vậy", "en": "a number this large"},
    "syntax-literal": {"vi": "giá trị {value!r}", "en": "the literal {value!r}"},
    "syntax-bitwise-invert": {"vi": "toán tử bit '~'", "en": "the bitwise operator '~'"},
    "syntax-operator": {"vi": "toán tử '{symbol}'", "en": "the operator '{symbol}'"},
    "syntax-chained-in": {"vi": "nối 'in' với các phép so sánh khác",
                          "en": "chaining 'in' with other comparisons"},
    "syntax-in-without-list": {"vi": "'in' không có danh sách giá trị cố định",
                               "en": "'in' without a literal list"},
    "syntax-in-item": {"vi": "một phần tử không cố định trong danh sách của 'in'",
                       "en": "a non-literal 'in' list item"},
    "syntax-calling": {"vi": "lời gọi {text}", "en": "calling {text}"},
    "syntax-keyword-argument": {"vi": "đối số có tên {text}",
                                "en": "the keyword argument {text}"},
    "invalid-expression": {"vi": "biểu thức không hợp lệ: {reason}",
                           "en": "invalid expression: {reason}"},
    "not-unicode": {"vi": "văn bản không phải Unicode hợp lệ",
                    "en": "the text is not valid Unicode"},
    "expression-too-long": {"vi": "biểu thức dài {length} ký tự; giới hạn là {limit}",
                            "en": "the expression is {length} characters long; the limit is "
                                  "{limit}"},
    "expression-empty": {"vi": "biểu thức để trống", "en": "the expression is empty"},
    # compiling a set
    "must-be-condition": {"vi": "{what} phải là một điều kiện (đúng hoặc sai), nhưng có {found}",
                          "en": "{what} must be a condition (true or false), found {found}"},
    "hint-compare": {"vi": "hãy so sánh một giá trị, ví dụ 'x >= 1'",
                     "en": "compare a value, e.g. 'x >= 1'"},
    "derived-cycle": {"vi": "giá trị dẫn xuất {name!r} phụ thuộc vào chính nó: {cycle}",
                      "en": "derived value {name!r} depends on itself: {cycle}"},
    "owner-criterion": {"vi": "tiêu chí {id!r}", "en": "criterion {id!r}"},
    "owner-indicator": {"vi": "chỉ số {id!r}", "en": "indicator {id!r}"},
    "owner-grade": {"vi": "xếp loại {id!r}", "en": "grade {id!r}"},
    "with-owner": {"vi": "{text} ({owner})", "en": "{text} ({owner})"},
    "what-condition-of": {"vi": "điều kiện của {id!r}", "en": "the condition of {id!r}"},
    "what-item-condition": {"vi": "điều kiện của mục {item!r} thuộc {id!r}",
                            "en": "the condition of item {item!r} of {id!r}"},
    "what-applies-of": {"vi": "'applies' của {what}", "en": "'applies' of {what}"},
    "what-pass-rule": {"vi": "điều kiện công nhận", "en": "the pass rule"},
    "what-grade-condition": {"vi": "điều kiện của xếp loại {id!r}",
                             "en": "the condition of grade {id!r}"},
    "awarded-not-number": {"vi": "số điểm được chấm cho {id!r} phải là một số, nhưng có {found}",
                           "en": "the points awarded for {id!r} must be a number, found {found}"},
    "hint-awarded-number": {"vi": "hãy ghi tên một thông tin kiểu số, ví dụ 'awarded: "
                                  "plan_points' với thông tin khai báo '{{type: number, minimum: "
                                  "0, maximum: N}}'",
                            "en": "name a number input, e.g. 'awarded: plan_points' with the "
                                  "input declared '{{type: number, minimum: 0, maximum: N}}'"},
    "hint-awarded": {"vi": "để lấy số điểm người chấm cho từ thông tin {name!r}, hãy ghi "
                           "'awarded: {name}' (định dạng 1.1) và giữ 'points:' là số điểm tối "
                           "đa, ví dụ 'points: 10'",
                     "en": "to take the points an assessor gives from the input {name!r}, write "
                           "'awarded: {name}' (format 1.1) and keep 'points:' as the most they "
                           "may give, e.g. 'points: 10'"},
    "hint-quote-year": {"vi": "hãy đặt năm trong dấu nháy: period: \"{year}\"",
                        "en": "write the year in quotes: period: \"{year}\""},
    "hint-comma-in-text": {"vi": "dấu phẩy trong {{vi: …, en: …}} kết thúc văn bản, nên {key!r} "
                                 "bị đọc thành một khóa: hãy đặt văn bản trong dấu nháy, ví dụ "
                                 "{{vi: \"Học tập, rèn luyện\", en: \"Learning, training\"}}",
                           "en": "a comma inside {{vi: …, en: …}} ends the text, so {key!r} was "
                                 "read as a key: put the text in quotes, e.g. {{vi: \"Học tập, "
                                 "rèn luyện\", en: \"Learning, training\"}}"},
    "hint-bare-indicator": {"vi": "để đọc số điểm của chỉ số {id!r}, hãy viết points({id!r}); "
                                  "met({id!r}) cho biết chỉ số đã đạt đủ hay chưa (định dạng "
                                  "1.1)",
                            "en": "to read the points of indicator {id!r}, write points({id!r}); "
                                  "met({id!r}) says whether it is fully met (format 1.1)"},
    "ref-one-id": {"vi": "{kind}() nhận một mã viết trong dấu nháy",
                   "en": "{kind}() takes one id written in quotes"},
    "hint-write": {"vi": "hãy viết {text}", "en": "write {text}"},
    "ref-unknown": {"vi": "{kind}({id!r}): bộ tiêu chí không có {what}",
                    "en": "{kind}({id!r}): the set has no {what}"},
    # the meaning of a set
    "type-enum": {"vi": "liệt kê (enum)", "en": "enum"},
    "extends-needs-catalog": {"vi": "bộ tiêu chí mở rộng {base!r}; hãy nạp nó qua một danh mục",
                              "en": "the set extends {base!r}; load it through a catalogue"},
    "extends-needs-catalog-hint": {"vi": "hãy dùng load_criteria() hoặc Catalog.get()",
                                   "en": "use load_criteria() or Catalog.get()"},
    "period-backwards": {"vi": "giai đoạn {period!r} kết thúc trước khi bắt đầu",
                         "en": "period {period!r} ends before it starts"},
    "enum-needs-values": {"vi": "thông tin liệt kê {name!r} cần có 'values'",
                          "en": "enum input {name!r} needs 'values'"},
    "values-only-enum": {"vi": "chỉ thông tin liệt kê mới có 'values'; {name!r} có kiểu {kind}",
                         "en": "only enum inputs take 'values'; {name!r} is {kind}"},
    "bound-only-numbers": {"vi": "{bound!r} chỉ dùng cho số; {name!r} có kiểu {kind}",
                           "en": "{bound!r} applies to numbers; {name!r} is {kind}"},
    "minimum-above-maximum": {"vi": "thông tin {name!r} có mức tối thiểu lớn hơn mức tối đa",
                              "en": "input {name!r} has minimum above maximum"},
    "reserved-name": {"vi": "{name!r} là tên dành riêng", "en": "{name!r} is a reserved name"},
    "reserved-names": {"vi": "các tên dành riêng: {names}", "en": "reserved: {names}"},
    "derived-named-like-input": {"vi": "giá trị dẫn xuất {name!r} trùng tên một thông tin đầu "
                                       "vào",
                                 "en": "derived value {name!r} has the name of an input"},
    "reserved-criterion-id": {"vi": "mã tiêu chí {id!r} là tên dành riêng",
                              "en": "criterion id {id!r} is a reserved name"},
    "word-input-name": {"vi": "tên thông tin", "en": "input name"},
    "word-derived-name": {"vi": "tên giá trị dẫn xuất", "en": "derived value name"},
    "word-criterion-id": {"vi": "mã tiêu chí", "en": "criterion id"},
    "keyword-name": {"vi": "{what} {name!r} là một từ khóa của ngôn ngữ biểu thức, nên không "
                           "biểu thức nào đọc được",
                     "en": "{what} {name!r} is a keyword of the expression language, so no "
                           "expression could read it"},
    "keyword-name-hint": {"vi": "hãy đổi tên, ví dụ {renamed!r}: các từ khóa của Python (and, "
                                "or, not, in, is, if, else, class, …) không dùng làm tên được",
                          "en": "rename it, e.g. {renamed!r}: Python's keywords (and, or, not, "
                                "in, is, if, else, class, …) cannot be names"},
    "id-twice": {"vi": "mã {id!r} dùng hai lần", "en": "id {id!r} is used twice"},
    "also-used-at": {"vi": "cũng dùng ở {where}", "en": "also used at {where}"},
    "first-used-at": {"vi": "dùng lần đầu ở {where}", "en": "first used at {where}"},
    "found-keys": {"vi": "{keys}", "en": "{keys}"},
    "found-none": {"vi": "không có khóa nào", "en": "none"},
    "scoring-one-of": {"vi": "chỉ số {id!r} cần đúng một trong 'when', 'levels' và 'awarded', "
                             "nhưng có {found}",
                       "en": "indicator {id!r} needs exactly one of 'when', 'levels' and "
                             "'awarded', found {found}"},
    "scoring-one-of-hint": {"vi": "'when' cho đủ điểm hoặc không điểm; 'levels' chấm theo mức "
                                  "(mức đầu tiên thỏa mãn được chọn); 'awarded' (định dạng 1.1) "
                                  "lấy số điểm người chấm cho",
                            "en": "'when' scores all or nothing; 'levels' grades (first match "
                                  "wins); 'awarded' (format 1.1) takes the points an assessor "
                                  "gives"},
    "word-item": {"vi": "mục", "en": "item"},
    "word-evidence-document": {"vi": "minh chứng", "en": "evidence document"},
    "listed-twice": {"vi": "{what} {id!r} của {owner!r} được liệt kê hai lần",
                     "en": "{what} {id!r} of {owner!r} is listed twice"},
    "level-above-points": {"vi": "mức {number} của {id!r} cho {points:g} điểm, nhiều hơn "
                                 "{most:g} điểm của chỉ số",
                           "en": "level {number} of {id!r} gives {points:g} points, more than "
                                 "the indicator's {most:g}"},
    "grade-order": {"vi": "xếp loại {id!r} (tối thiểu {min:g}) phải thấp hơn {higher!r} (tối "
                          "thiểu {higher_min:g})",
                    "en": "grade {id!r} (min {min:g}) must be lower than {higher!r} (min "
                          "{higher_min:g})"},
    "grade-order-hint": {"vi": "hãy xếp các mức xếp loại từ cao xuống thấp",
                         "en": "list grades highest first"},
    "history-type": {"vi": "thông tin {name!r} lấy {history} của năm trước ('from'), nên phải "
                           "có kiểu string hoặc enum, không phải {kind}",
                     "en": "input {name!r} takes an earlier year's {history} ('from'), so it "
                           "must be a string or an enum, not {kind}"},
    "counts-subjects": {"vi": "đếm các đối tượng liên quan", "en": "counts related subjects"},
    "counts-years": {"vi": "đếm số năm", "en": "counts years"},
    "count-type": {"vi": "thông tin {name!r} {what} ('from'), nên phải là số nguyên, không phải "
                         "{kind}",
                   "en": "input {name!r} {what} ('from'), so it must be an integer, not {kind}"},
    # criteria documents: their format and shape
    "doc-criteria-set": {"vi": "bộ tiêu chí", "en": "the criteria set"},
    "doc-test-cases": {"vi": "tệp trường hợp kiểm thử", "en": "the test-cases file"},
    "doc-targets": {"vi": "tệp chỉ tiêu", "en": "the targets file"},
    "doc-a-criteria-set": {"vi": "một bộ tiêu chí", "en": "a criteria set"},
    "doc-a-test-cases": {"vi": "một tệp trường hợp kiểm thử", "en": "a test-cases file"},
    "doc-a-targets": {"vi": "một tệp chỉ tiêu", "en": "a targets file"},
    "found-empty-file": {"vi": "một tệp rỗng", "en": "an empty file"},
    "found-a-kind": {"vi": "{kind}", "en": "a {kind}"},
    "document-not-mapping": {"vi": "{document} phải là một bảng khóa–giá trị, nhưng có {found}",
                             "en": "{document} must be a mapping, found {found}"},
    "hint-start-format": {"vi": "hãy bắt đầu tệp bằng 'format: {format}'",
                          "en": "start the file with 'format: {format}'"},
    "format-missing": {"vi": "thiếu khóa 'format'", "en": "missing key 'format'"},
    "hint-add-format": {"vi": "hãy thêm 'format: {format}' làm dòng đầu tiên",
                        "en": "add 'format: {format}' as the first line"},
    "format-unknown": {"vi": "không biết định dạng {found!r}; cần {expected!r}",
                       "en": "unknown format {found!r}; expected {expected!r}"},
    "noun-mapping": {"vi": "bảng khóa–giá trị", "en": "mapping"},
    "noun-list": {"vi": "danh sách", "en": "list"},
    "noun-string": {"vi": "chuỗi văn bản", "en": "string"},
    "noun-integer": {"vi": "số nguyên", "en": "integer"},
    "noun-number": {"vi": "số", "en": "number"},
    "noun-boolean": {"vi": "giá trị đúng/sai", "en": "boolean"},
    "expected-mapping": {"vi": "một bảng khóa–giá trị", "en": "a mapping"},
    "expected-string": {"vi": "một chuỗi văn bản", "en": "a string"},
    "expected-integer-kind": {"vi": "một số nguyên", "en": "an integer"},
    "expected-true-false": {"vi": "true hoặc false", "en": "true or false"},
    "extends-only": {"vi": "khóa {key!r} chỉ dùng được trong bộ tiêu chí mở rộng một bộ khác",
                     "en": "{key!r} is only allowed in a set that extends another"},
    "extends-only-here": {"vi": "khóa này chỉ dùng được trong bộ tiêu chí mở rộng một bộ khác",
                          "en": "this key is only allowed in a set that extends another"},
    "extends-only-hint": {"vi": "hãy thêm 'extends: <mã bộ tiêu chí>' hoặc viết đầy đủ bộ tiêu "
                                "chí",
                          "en": "add 'extends: <set id>' or write the set out in full"},
    "expression-too-long-at": {"vi": "biểu thức {where} dài {length} ký tự; giới hạn là {limit}",
                               "en": "the expression {where} is {length} characters long; the "
                                     "limit is {limit}"},
    "hint-split-derived": {"vi": "hãy tách bớt các phần của biểu thức thành giá trị dẫn xuất "
                                 "(derived)",
                           "en": "move parts of it into derived values"},
    "unknown-key-in": {"vi": "khóa {key!r} không có trong định dạng của {where}",
                       "en": "unknown key {key!r} in {where}"},
    "allowed-keys": {"vi": "các khóa được dùng: {keys}", "en": "allowed keys: {keys}"},
    "hint-did-you-mean": {"vi": "có phải là {name!r}?", "en": "did you mean {name!r}?"},
    "hint-did-you-mean-many": {"vi": "có phải là {names} hoặc {last!r}?",
                               "en": "did you mean {names} or {last!r}?"},
    "missing-key-in": {"vi": "thiếu khóa {key!r} trong {where}",
                       "en": "missing key {key!r} in {where}"},
    "must-be-kind": {"vi": "{where} phải là {expected}, nhưng có {kind} {value!r}",
                     "en": "{where} must be {expected}, found {kind} {value!r}"},
    "not-a-name": {"vi": "{value!r} không phải là một tên hợp lệ trong {where}",
                   "en": "{value!r} is not a valid name in {where}"},
    "hint-name": {"vi": "hãy dùng chữ thường ASCII, chữ số và dấu _, bắt đầu bằng một chữ cái",
                  "en": "use lower-case ASCII letters, digits and _, starting with a letter"},
    "points-too-many": {"vi": "{where} là {points:g}; một chỉ số hoặc một mức cho tối đa "
                              "{most:g} điểm",
                        "en": "{where} is {points:g}; an indicator or a level gives at most "
                              "{most:g} points"},
    "hint-points": {"vi": "hãy ghi đúng số điểm văn bản quy định; một bộ tiêu chí thường có "
                          "tổng cộng 100 điểm",
                    "en": "write the points the document gives; a set usually scores 100 "
                          "points in all"},
    "invalid-value-in": {"vi": "{where} có giá trị không hợp lệ {value!r}",
                         "en": "{where} has the invalid value {value!r}"},
    "must-be-one-of": {"vi": "{where} phải là một trong các giá trị {options}, nhưng có "
                             "{value!r}",
                       "en": "{where} must be one of {options}, found {value!r}"},
    "schema-other": {"vi": "{where}: {text}", "en": "{where}: {text}"},
    "hint-pattern-id": {"vi": "mã chỉ gồm chữ cái, chữ số, '.', '_' và '-' (mã bộ tiêu chí: "
                              "chữ thường, các phần cách nhau bằng '/')",
                        "en": "ids use letters, digits, '.', '_' and '-' (set ids: lower case, "
                              "'/' between parts)"},
    "hint-pattern-model": {"vi": "mô hình viết bằng chữ thường ASCII: citizen, family, clan, "
                                 "community, unit",
                           "en": "a model is lower-case ASCII: citizen, family, clan, "
                                 "community, unit"},
    "hint-pattern-period": {"vi": "giai đoạn viết 'YYYY-YYYY' (ví dụ '2021-2025') hoặc một "
                                  "năm 'YYYY'",
                            "en": "a period is 'YYYY-YYYY' (e.g. '2021-2025') or one year "
                                  "'YYYY'"},
}


#: What each problem code means, in a few words (the code stays English; docs/errors.md
#: explains each at length). A test checks that every `ProblemCode` has both texts.
PROBLEM_CODES: dict[str, dict[Lang, str]] = {
    "file-not-found": {"vi": "không có tệp hoặc thư mục này", "en": "no such file or folder"},
    "not-utf8": {"vi": "tệp không được lưu theo mã UTF-8", "en": "the file is not UTF-8"},
    "yaml-syntax": {"vi": "văn bản không đúng cú pháp YAML", "en": "the text is not valid YAML"},
    "yaml-tag": {"vi": "thẻ YAML không được phép (như !!python/object)",
                 "en": "a YAML tag that is not allowed (such as !!python/object)"},
    "duplicate-key": {"vi": "một khóa được ghi hai lần", "en": "a key given twice"},
    "too-large": {"vi": "tệp hoặc dữ liệu vượt quá giới hạn",
                  "en": "a file or data over the limit"},
    "integer-overflow": {"vi": "phép tính số nguyên có thể vượt quá 64 bit",
                         "en": "integer arithmetic that can exceed 64 bits"},
    "too-deep": {"vi": "lồng nhau quá sâu", "en": "nested too deeply"},
    "too-many-aliases": {"vi": "quá nhiều bí danh YAML (*ref)",
                         "en": "too many YAML aliases (*ref)"},
    "non-string-key": {"vi": "khóa không phải là tên", "en": "a key that is not a name"},
    "unknown-format": {"vi": "thiếu format: hoặc định dạng không được hỗ trợ",
                       "en": "format: missing or not a known format"},
    "unknown-key": {"vi": "khóa mà định dạng không có", "en": "a key the format does not define"},
    "missing-key": {"vi": "thiếu khóa bắt buộc", "en": "a required key is missing"},
    "wrong-type": {"vi": "giá trị sai kiểu", "en": "a value of the wrong kind"},
    "invalid-value": {"vi": "giá trị không được phép", "en": "a value that is not allowed"},
    "duplicate-id": {"vi": "mã tiêu chí hoặc chỉ số bị dùng hai lần",
                     "en": "a criterion or indicator id used twice"},
    "levels-exceed-points": {"vi": "một mức cho nhiều điểm hơn chỉ số",
                             "en": "a level gives more points than its indicator"},
    "grades-order": {"vi": "các xếp loại không theo thứ tự từ cao xuống thấp",
                     "en": "grades not listed highest first"},
    "duplicate-case": {"vi": "hai trường hợp kiểm thử trùng tên",
                       "en": "two test cases with one name"},
    "duplicate-target": {"vi": "hai chỉ tiêu trùng mã", "en": "two targets with one id"},
    "expression-syntax": {"vi": "biểu thức sai cú pháp",
                          "en": "the expression is not valid syntax"},
    "forbidden-syntax": {"vi": "cấu trúc không được phép trong biểu thức",
                         "en": "a construct outside the safe subset"},
    "expression-too-long": {"vi": "biểu thức quá dài", "en": "the expression is too long"},
    "expression-too-deep": {"vi": "biểu thức lồng nhau quá sâu",
                            "en": "the expression is nested too deeply"},
    "unknown-name": {"vi": "tên không phải thông tin đầu vào hay giá trị dẫn xuất",
                     "en": "a name that is not an input or derived value"},
    "unknown-function": {"vi": "hàm chưa được đăng ký", "en": "a function that is not registered"},
    "wrong-arguments": {"vi": "hàm được gọi sai số lượng hoặc kiểu đối số",
                        "en": "a function called with the wrong arguments"},
    "type-mismatch": {"vi": "toán hạng sai kiểu", "en": "operands of the wrong type"},
    "unknown-enum-value": {"vi": "so sánh với giá trị mà thông tin không thể có",
                           "en": "a comparison with a value the input cannot take"},
    "derived-cycle": {"vi": "các giá trị dẫn xuất phụ thuộc vòng tròn vào nhau",
                      "en": "derived values that depend on each other in a circle"},
    "name-clash": {"vi": "tên trùng với tên dành riêng hoặc tên thông tin",
                   "en": "a name that clashes with a reserved name or an input"},
    "unknown-base": {"vi": "bộ tiêu chí gốc (extends) không có trong danh mục",
                     "en": "the set it extends is not in the catalogue"},
    "extends-cycle": {"vi": "các bộ tiêu chí kế thừa vòng tròn nhau",
                      "en": "sets that extend each other in a circle"},
    "unknown-reference": {"vi": "thay thế hoặc xóa một mục mà bộ gốc không có",
                          "en": "a replace or remove of something the base does not have"},
    "already-defined": {"vi": "thêm một mục mà bộ gốc đã có",
                        "en": "an add of something the base already has"},
    "unknown-set": {"vi": "không có bộ tiêu chí có mã này", "en": "no set has this id"},
    "overlapping-periods": {"vi": "hai bộ tiêu chí cùng áp dụng cho một năm",
                            "en": "two sets govern the same year"},
    "no-set-for-year": {"vi": "không có bộ tiêu chí nào áp dụng cho năm này",
                        "en": "no set governs that year"},
    "no-set-applies": {"vi": "không có (hoặc có nhiều hơn một) bộ tiêu chí áp dụng cho hồ sơ",
                       "en": "no set (or more than one) applies to the record"},
    "unknown-indicator": {"vi": "chỉ số không có trong bộ tiêu chí",
                          "en": "an indicator the set does not have"},
    "unknown-input": {"vi": "thông tin mà bộ tiêu chí không khai báo",
                      "en": "an input the set does not declare"},
    "year-outside-period": {"vi": "năm nằm ngoài giai đoạn của bộ tiêu chí",
                            "en": "a year outside the set's period"},
    "unknown-column": {"vi": "cột mà bộ tiêu chí không khai báo",
                       "en": "a column the set does not declare"},
    "missing-id": {"vi": "hồ sơ không có mã", "en": "a record without id"},
    "duplicate-record": {"vi": "mã hồ sơ đã dùng cho hồ sơ trước", "en": "an id already used"},
    "invalid-record": {"vi": "hồ sơ có giá trị sai hoặc thiếu",
                       "en": "a record with a wrong or missing value"},
    "out-of-bounds": {"vi": "giá trị ngoài giới hạn cho phép", "en": "a value out of bounds"},
    "unreadable-evidence": {"vi": "không đọc được tệp minh chứng",
                            "en": "evidence that cannot be read"},
    "levels-order": {"vi": "một mức cho nhiều điểm hơn mức trước nó",
                     "en": "a level gives more points than the one before it"},
    "unreachable-level": {"vi": "một mức không bao giờ đạt được",
                          "en": "a level that is never reached"},
    "zero-points-level": {"vi": "một mức 0 điểm", "en": "a level worth 0 points"},
    "never-passes": {"vi": "điều kiện công nhận không bao giờ thỏa mãn",
                     "en": "the pass rule never holds"},
    "always-passes": {"vi": "điều kiện công nhận luôn thỏa mãn",
                      "en": "the pass rule always holds"},
    "threshold-above-max": {"vi": "ngưỡng cao hơn số điểm tối đa",
                            "en": "a threshold above the most points"},
    "unreachable-mandatory": {"vi": "chỉ số bắt buộc không bao giờ đạt",
                              "en": "a mandatory indicator that is never met"},
    "never-met": {"vi": "chỉ số không bao giờ đạt", "en": "an indicator that is never met"},
    "comparison-out-of-bounds": {"vi": "so sánh với giá trị ngoài giới hạn của thông tin",
                                 "en": "a comparison outside the input's bounds"},
    "division-by-zero": {"vi": "có thể chia cho 0", "en": "a division that can be by zero"},
    "unused-input": {"vi": "thông tin khai báo nhưng không dùng", "en": "an input nothing reads"},
    "unused-derived": {"vi": "giá trị dẫn xuất không dùng", "en": "a derived value nothing reads"},
    "untested-indicator": {"vi": "chỉ số chưa có trường hợp kiểm thử",
                           "en": "an indicator no test case covers"},
    "missing-diacritics": {"vi": "văn bản tiếng Việt thiếu dấu",
                           "en": "Vietnamese text without its diacritics"},
    "unverified-without-note": {"vi": "nguồn chưa xác minh mà không có ghi chú",
                                "en": "an unverified source without a note"},
    "verified-without-reference": {"vi": "nguồn đã xác minh mà không có số văn bản",
                                   "en": "a verified source without a reference"},
}
