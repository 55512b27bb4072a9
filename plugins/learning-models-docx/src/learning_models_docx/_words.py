"""The documents' own words, in Vietnamese and English (what the report or the review does not
already give in its language): the words every administrative document of Decree
30/2020/NĐ-CP has, the annual report's and the period review's."""

from __future__ import annotations

__all__ = ["ANNUAL_WORDS", "DECREE_WORDS", "REVIEW_DOC_WORDS"]

#: The header, the title's kind, the recipients and the signature block.
DECREE_WORDS: dict[str, dict[str, str]] = {
    "nation": {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "en": "SOCIALIST REPUBLIC OF VIET NAM"},
    "motto": {"vi": "Độc lập - Tự do - Hạnh phúc", "en": "Independence - Freedom - Happiness"},
    "issuer": {"vi": "Hội Khuyến học", "en": "Study promotion association"},
    "number": {"vi": "Số:        /{symbol}", "en": "No.:        /{symbol}"},
    "date": {"vi": "{place}, ngày      tháng      năm {year}",
             "en": "{place}, ……… {year}"},
    "kind": {"vi": "BÁO CÁO", "en": "REPORT"},
    "recipients": {"vi": "Nơi nhận:", "en": "To:"},
    "committee": {"vi": "Ủy ban nhân dân {area}", "en": "The People's Committee of {area}"},
    "archive": {"vi": "Lưu: VT", "en": "File copy: VT"},
    "on_behalf": {"vi": "TM. BAN THƯỜNG VỤ", "en": "ON BEHALF OF THE STANDING COMMITTEE"},
    "chair": {"vi": "CHỦ TỊCH", "en": "CHAIR"},
    "blank": {"vi": "……", "en": "……"},
}

#: The annual report's sections (the report's labels give the rest).
ANNUAL_WORDS: dict[str, dict[str, str]] = {**DECREE_WORDS, **{
    "subject": {"vi": "Kết quả xây dựng các mô hình học tập năm {year}",
                "en": "Results of building learning models in {year}"},
    "intro": {"vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {area} báo cáo kết "
                    "quả xây dựng các mô hình học tập năm {year} như sau:",
              "en": "Under the programme “{programme}”, the study promotion association of "
                    "{area} reports the results of building learning models in {year}:"},
    "intro_about": {
        "vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {issuer} báo cáo kết quả "
              "xây dựng các mô hình học tập năm {year} trên {area} như sau:",
        "en": "Under the programme “{programme}”, the study promotion association of "
              "{issuer} reports the results of building learning models in {year} in "
              "{area}:"},
    "s1": {"vi": "I. ĐẶC ĐIỂM TÌNH HÌNH", "en": "I. BACKGROUND"},
    "s2": {"vi": "II. KẾT QUẢ THỰC HIỆN", "en": "II. RESULTS"},
    "s3": {"vi": "III. ĐÁNH GIÁ CHUNG", "en": "III. OVERALL ASSESSMENT"},
    "s4": {"vi": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", "en": "IV. NEXT STEPS"},
    "area_line": {"vi": "Địa bàn báo cáo: {area}, gồm {n} xã, phường: {names}.",
                  "en": "Area: {area}, with {n} communes and wards: {names}."},
    "data_line": {"vi": "Số liệu: {text}.", "en": "Data: {text}."},
    "sets_line": {"vi": "Bộ tiêu chí áp dụng:", "en": "Criteria sets applied:"},
    "set_item": {"vi": "{title} (mã {id}, mã băm nội dung {hash})",
                 "en": "{title} (id {id}, content hash {hash})"},
    "overlay_item": {"vi": "điều chỉnh của địa phương “{name}” ({plugin}): {changes}",
                     "en": "local overlay “{name}” ({plugin}): {changes}"},
    "targets_line": {"vi": "Chỉ tiêu so sánh: {targets}.", "en": "Targets: {targets}."},
    "overall": {"vi": "1. Kết quả chung so với chỉ tiêu", "en": "1. Overall results against "
                                                                  "the targets"},
    "model_heading": {"vi": "{n}. {title}", "en": "{n}. {title}"},
    "set_used": {"vi": "Đánh giá theo bộ tiêu chí: {title}.",
                 "en": "Evaluated with the criteria set: {title}."},
    "against": {"vi": "So với chỉ tiêu", "en": "Against target"},
    "indicator_col": {"vi": "Nội dung", "en": "Indicator"},
    "target_col": {"vi": "Chỉ tiêu kế hoạch", "en": "Plan target"},
    "rate_of": {"vi": "Tỷ lệ đạt (đạt/mẫu số)", "en": "Rate (reached/denominator)"},
    "target_year": {"vi": "{target} (năm {year})", "en": "{target} ({year})"},
    "strengths": {"vi": "1. Kết quả đạt được", "en": "1. Achievements"},
    "weaknesses": {"vi": "2. Tồn tại, hạn chế", "en": "2. Shortcomings"},
    "notes": {"vi": "3. Ghi chú về số liệu", "en": "3. Notes on the figures"},
    "met_item": {"vi": "{label}: {rate} ({reached}/{denominator}) — {assessment}.",
                 "en": "{label}: {rate} ({reached}/{denominator}) — {assessment}."},
    "plain_item": {"vi": "{label}: {rate} ({reached}/{denominator}).",
                   "en": "{label}: {rate} ({reached}/{denominator})."},
    "communes_met": {"vi": "{title}: {met}/{all} xã, phường đạt chỉ tiêu.",
                     "en": "{title}: {met} of {all} communes and wards reach the target."},
    "communes_short": {"vi": "{title}: chưa đạt chỉ tiêu ở {items}.",
                       "en": "{title}: target not reached in {items}."},
    "commune_short": {"vi": "{name} ({rate}, {assessment})",
                      "en": "{name} ({rate}, {assessment})"},
    "no_targets": {"vi": "Báo cáo không so với chỉ tiêu của kế hoạch.",
                   "en": "The report is not compared with a plan's targets."},
    "none_short": {"vi": "Các chỉ tiêu tính được từ số liệu đều đạt.",
                   "en": "Every target the data can measure is reached."},
    "incomplete": {"vi": "{n} hồ sơ chưa đủ minh chứng để kết luận.",
                   "en": "{n} records lack the evidence for a decision."},
    "rejected": {"vi": "{n} hồ sơ bị từ chối do dữ liệu không hợp lệ.",
                 "en": "{n} records were rejected as invalid."},
    "todo_commune": {"vi": "{title}: {items}.", "en": "{title}: {items}."},
    "todo_item": {"vi": "{name} {assessment}", "en": "{name}: {assessment}"},
    "todo_incomplete": {"vi": "Bổ sung minh chứng cho {n} hồ sơ chưa đủ minh chứng.",
                        "en": "Complete the evidence of {n} records."},
    "todo_rejected": {"vi": "Rà soát, nhập lại {n} hồ sơ bị từ chối.",
                      "en": "Review and re-enter the {n} rejected records."},
    "todo_keep": {"vi": "Duy trì, giữ vững các chỉ tiêu đã đạt.",
                  "en": "Keep the targets already reached."},
    "todo_unmeasured": {"vi": "Báo cáo riêng các chỉ tiêu chưa tính được từ số liệu.",
                        "en": "Report separately the targets the data cannot measure."},
    "closing": {"vi": "Trên đây là báo cáo kết quả xây dựng các mô hình học tập năm {year} "
                      "của Hội Khuyến học {area}./.",
                "en": "This concludes the report on building learning models in {year} of "
                      "the study promotion association of {area}."},
}}

#: The period review's sections (the review's labels give the column heads).
REVIEW_DOC_WORDS: dict[str, dict[str, str]] = {**DECREE_WORDS, **{
    "subject": {"vi": "{kind} kết quả xây dựng các mô hình học tập giai đoạn {period}",
                "en": "{kind} review of building learning models, {period}"},
    "intro": {"vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {area} báo cáo {kind} "
                    "kết quả xây dựng các mô hình học tập giai đoạn {period} như sau:",
              "en": "Under the programme “{programme}”, the study promotion association of "
                    "{area} reports the {kind} review of building learning models, {period}:"},
    "intro_about": {
        "vi": "Thực hiện Chương trình “{programme}”, Hội Khuyến học {issuer} báo cáo {kind} "
              "kết quả xây dựng các mô hình học tập giai đoạn {period} trên {area} như sau:",
        "en": "Under the programme “{programme}”, the study promotion association of "
              "{issuer} reports the {kind} review of building learning models, {period}, in "
              "{area}:"},
    "s1": {"vi": "I. ĐẶC ĐIỂM TÌNH HÌNH", "en": "I. BACKGROUND"},
    "s2": {"vi": "II. KẾT QUẢ THỰC HIỆN THEO TỪNG MÔ HÌNH", "en": "II. RESULTS BY MODEL"},
    "s3": {"vi": "III. ĐÁNH GIÁ CHUNG", "en": "III. OVERALL ASSESSMENT"},
    "s4": {"vi": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", "en": "IV. NEXT STEPS"},
    "area_line": {"vi": "Địa bàn: {area}, gồm {n} xã, phường: {names}.",
                  "en": "Area: {area}, with {n} communes and wards: {names}."},
    "years_line": {"vi": "Số liệu: kết quả các năm {years} đã ghi trong lịch sử kết quả; số "
                         "liệu mỗi năm là số liệu báo cáo năm đó đã công bố.",
                   "en": "Data: the results of {years} recorded in the history of results; "
                         "each year's figures are those of that year's annual report."},
    "missing_line": {"vi": "Các năm chưa có số liệu: {years}.",
                     "en": "Years without figures: {years}."},
    "targets_line": {"vi": "Chỉ tiêu so sánh: {targets}.", "en": "Targets: {targets}."},
    "no_targets": {"vi": "Báo cáo không so với chỉ tiêu của kế hoạch.",
                   "en": "The review is not compared with a plan's targets."},
    "model_heading": {"vi": "{n}. {title}", "en": "{n}. {title}"},
    "year_item": {"vi": "Năm {year}: {reached}/{denominator} ({rate}){milestone}.",
                  "en": "{year}: {reached}/{denominator} ({rate}){milestone}."},
    "year_milestone": {"vi": "; chỉ tiêu năm {year}: {value} — {met}",
                       "en": "; milestone {year}: {value} — {met}"},
    "goal_reached": {"vi": "Chỉ tiêu cuối giai đoạn (năm {year}): {goal} — đạt từ năm "
                           "{reached}.",
                     "en": "Goal of the period ({year}): {goal} — reached in {reached}."},
    "goal_short": {"vi": "Chỉ tiêu cuối giai đoạn (năm {year}): {goal} — chưa đạt; năm {last} "
                         "còn thiếu {gap} {noun}.",
                   "en": "Goal of the period ({year}): {goal} — not reached; in {last}, "
                         "{gap} more {noun} were needed."},
    "every_year": {"vi": "Được công nhận tất cả các năm có số liệu ({years}): {n}.",
                   "en": "Recognised in every year with figures ({years}): {n}."},
    "lost_line": {"vi": "Mất danh hiệu (được công nhận một năm, năm đánh giá sau không đạt): "
                        "{n}{detail}.",
                  "en": "Lost recognition (recognised one year, not the next year evaluated): "
                        "{n}{detail}."},
    "lost_pair": {"vi": "{before} → {after}: {n}", "en": "{before} → {after}: {n}"},
    "lost_none": {"vi": "Không có đối tượng mất danh hiệu.",
                  "en": "No subject lost recognition."},
    "series_table": {"vi": "Kết quả từng năm so với chỉ tiêu, theo địa bàn:",
                     "en": "Each year against the milestone, by area:"},
    "goal_table": {"vi": "Chỉ tiêu cuối giai đoạn, theo địa bàn:",
                   "en": "The goal of the period, by area:"},
    "row_number": {"vi": "STT", "en": "No."},
    "strengths": {"vi": "1. Kết quả đạt được", "en": "1. Achievements"},
    "weaknesses": {"vi": "2. Tồn tại, hạn chế", "en": "2. Shortcomings"},
    "notes": {"vi": "3. Ghi chú về số liệu", "en": "3. Notes on the figures"},
    "model_reached": {"vi": "{title}: đạt chỉ tiêu cuối giai đoạn {goal} từ năm {reached}; "
                            "{met}/{all} xã, phường đạt.",
                      "en": "{title}: the goal of {goal} reached in {reached}; {met} of {all} "
                            "communes and wards reach it."},
    "milestones_met": {"vi": "{title}: {items}.", "en": "{title}: {items}."},
    "milestone_met": {"vi": "năm {year} đạt {rate}, đạt chỉ tiêu {value} của năm {milestone}",
                      "en": "{rate} in {year}, meeting the {milestone} milestone of {value}"},
    "model_short": {"vi": "{title}: chưa đạt chỉ tiêu cuối giai đoạn {goal} (năm {year}); năm "
                          "{last} đạt {rate}, còn thiếu {gap} {noun}.",
                    "en": "{title}: the goal of {goal} ({year}) not reached; {rate} in {last}, "
                          "{gap} more {noun} needed."},
    "communes_short": {"vi": "{title}: chưa đạt chỉ tiêu ở {items}.",
                       "en": "{title}: goal not reached in {items}."},
    "commune_short": {"vi": "{name} (còn thiếu {gap})", "en": "{name} ({gap} more)"},
    "model_lost": {"vi": "{title}: {n} đối tượng mất danh hiệu.",
                   "en": "{title}: {n} lost recognition."},
    "none_short": {"vi": "Các chỉ tiêu cuối giai đoạn tính được từ số liệu đều đạt.",
                   "en": "Every goal the figures can measure is reached."},
    "note_figures": {"vi": "Số liệu của mỗi năm là số liệu báo cáo năm đó đã in (lượt hiện "
                           "hành của năm trong lịch sử kết quả).",
                     "en": "Each year's figures are those its annual report printed (the "
                           "year's current run in the history)."},
    "note_lists": {"vi": "Danh sách đối tượng mất danh hiệu có trong tệp Excel của báo cáo "
                         "({file}).",
                   "en": "The list of subjects that lost recognition is in the review's "
                         "workbook ({file})."},
    "todo_model": {"vi": "{title}: phấn đấu thêm {gap} {noun} để đạt {goal} (năm {year}){where}.",
                   "en": "{title}: {gap} more {noun} to reach {goal} ({year}){where}."},
    "todo_where": {"vi": ", tập trung ở {names}", "en": ", above all in {names}"},
    "todo_lost": {"vi": "Rà soát, hỗ trợ {n} đối tượng mất danh hiệu để được công nhận lại.",
                  "en": "Review and support the {n} subjects that lost recognition."},
    "todo_keep": {"vi": "Duy trì, giữ vững các chỉ tiêu đã đạt.",
                  "en": "Keep the goals already reached."},
    "closing": {"vi": "Trên đây là báo cáo {kind} kết quả xây dựng các mô hình học tập giai "
                      "đoạn {period} của Hội Khuyến học {area}./.",
                "en": "This concludes the {kind} review of building learning models, {period}, of "
                      "the study promotion association of {area}."},
    "status_not_recognised": {"vi": "không đạt", "en": "not recognised"},
    "status_incomplete": {"vi": "chưa đủ minh chứng", "en": "incomplete"},
}}
