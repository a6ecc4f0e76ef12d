//! The year whose handling a report describes.
//!
//! A report states it where it counts the items handled ("2019年,县政府共承办建议49件") or in
//! its title ("2021年建议提案办理工作总结"); failing those, a dated handling event
//! ("2017年9月12日,…就委员提出的提案…") gives it. A report that frames its period by a session
//! or a term ("…会议以来", "五年来") states no year of handling: its dates are datelines.

use regex::Regex;
use std::sync::LazyLock;

/// A year before 年: Arabic digits, or four numeral characters as older reports and news wires
/// write them ("二〇〇九年", "二零一五年", "二00九年", with Arabic zeros mixed in).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2}|(?:一九|二[〇零0○])[〇零0○一二三四五六七八九]{2})\s*年")
        .expect("year regex")
});

/// The value of a year as [`YEAR`] captures it.
fn year_value(digits: &str) -> Option<u16> {
    if let Ok(y) = digits.parse() {
        return Some(y);
    }
    digits.chars().try_fold(0u16, |acc, c| {
        let d = match c {
            '〇' | '零' | '0' | '○' => 0,
            _ => "一二三四五六七八九".chars().position(|n| n == c)? as u16 + 1,
        };
        Some(acc * 10 + d)
    })
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}|\d{1,2}\.\d{1,2}\.((?:19|20)\d{2})|((?:19|20)\d{2})\s+\d{1,2}/\d{1,2}\b",
    )
    .expect("date regex")
});

/// `YYYY年M月`: a date, not a year of handling.
static MONTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,2}\s*月").expect("month regex"));

/// A count of items in a sentence: Arabic or Chinese numerals before 件.
static ITEM_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9零一二三四五六七八九十百千万]+\s*件").expect("item count regex")
});

/// Verbs by which a report counts the items it handled this year: received, undertaken,
/// handled, assigned, accepted, submitted.
const HANDLING_VERBS: &[&str] = &[
    "承办", "收到", "办理", "交办", "受理", "提出", "主办", "接到", "立案", "办复",
];

/// Years written as `YYYY年` that are not part of a full date, with their byte offsets.
fn years(text: &str) -> impl Iterator<Item = (usize, u16)> + '_ {
    YEAR.captures_iter(text).filter_map(move |c| {
        let whole = c.get(0)?;
        if MONTH_AFTER.is_match(&text[whole.end()..]) {
            return None;
        }
        // "自2016年…以来", "从2016年起": the start of a span of years, not one year.
        let clause_after: String = text[whole.end()..]
            .chars()
            .take_while(|&c| !matches!(c, ',' | '。' | ';' | '\n'))
            .take(24)
            .collect();
        if text[..whole.start()].ends_with(['自', '从'])
            || clause_after.contains("以来")
            || clause_after.starts_with('起')
            || compared(text, whole.start(), &clause_after)
        {
            return None;
        }
        Some((whole.start(), year_value(&c[1])?))
    })
}

/// "比2018年增加50件", "较2020年(94.87%)提高", "与2019年相比": a year compared with is the
/// baseline, not the year reported on.
/// "预计到2020年可形成…产值", "力争2025年": a year looked forward to is a projection, not the
/// year reported on, either.
fn compared(text: &str, start: usize, clause_after: &str) -> bool {
    let before = text[..start].trim_end_matches(['到', '在', '于']);
    ["预计", "计划", "力争", "争取", "有望"]
        .iter()
        .any(|w| before.ends_with(w))
        || text[..start].ends_with(['比', '较'])
        || (text[..start].ends_with('与') && clause_after.contains("相比"))
        || clause_after.starts_with("同期")
}

/// Words of a page's furniture line (publication date, source, views, catalogue number).
const FURNITURE: &[&str] = &["发布", "日期", "时间", "来源", "浏览", "索引", "点击"];

/// The first year written in the text, a date's included ("2020年5月8日,区政协委员…"), but not
/// the start of a span nor a year on a line of page furniture ("发布日期:2024年01月31日").
fn first_dated(text: &str) -> Option<u16> {
    YEAR.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        let line_start = text[..whole.start()].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[whole.end()..]
            .find('\n')
            .map_or(text.len(), |p| whole.end() + p);
        let span_start = text[..whole.start()].ends_with(['自', '从'])
            || text[whole.end()..line_end]
                .split([',', '。', ';'])
                .next()
                .is_some_and(|clause| clause.contains("以来") || clause.starts_with('起'));
        // The label right before the date ("发布日期:", "时间:").
        let before: String = text[line_start..whole.start()]
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // Or a short dateline with the label after it ("2021年03月06日17:06 来源:某报").
        let line = &text[line_start..line_end];
        let dateline = line.chars().count() <= 40 && FURNITURE.iter().any(|w| line.contains(w));
        let clause_after: String = text[whole.end()..line_end].chars().take(24).collect();
        if span_start
            || dateline
            || date_only(line)
            || FURNITURE.iter().any(|w| before.contains(w))
            || compared(text, whole.start(), &clause_after)
        {
            return None;
        }
        year_value(&c[1])
    })
}

/// A line that holds nothing but a date and a time ("2010年01月24日11:23"): a page's dateline.
/// A date alone on its line is not: it signs a letter or a report, and dates it.
fn date_only(line: &str) -> bool {
    static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}\s*[::]\s*\d{2}(?:\s*[::]\s*\d{2})?\s*$")
            .expect("date line regex")
    });
    DATE_LINE.is_match(line)
}

/// The sentence (between `。`, `;`, `!`, `?` or line ends) around byte `at`.
fn sentence_at(text: &str, at: usize) -> &str {
    let ends = |c: char| matches!(c, '。' | ';' | '!' | '?' | '\n');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let end = text[at..].find(ends).map_or(text.len(), |p| at + p);
    &text[start..end]
}

/// A report that frames its period by a session or a term ("十二届人大一次会议以来", "五年来")
/// names no year of handling; years elsewhere in it are datelines or other work.
/// A period of several years: a term, or "五年来".
static MULTI_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[二三四五]年来|本届(?:以来|内)|届以来").expect("multi-year regex")
});

/// A completion date: "截至2016年12月13日", "截止2019年12月31日", "截至2025年底", and the
/// date by which items were done ("于2024年10月底已全部办理完毕", "全部于2014年9月底前答复").
static COMPLETED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:截[至止]|于)\s*((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月|底|末)")
        .expect("completed-by regex")
});

static SESSION_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:会议|届|全会)以来|[二三四五]年来|本届(?:以来|内)").expect("session regex")
});

/// The year reported on: the year of the first sentence that counts handled items, else the
/// title's year; a text that frames its period by a session gives no other; else the first
/// year written (a dated handling event), else the publication date when the text says 今年.
pub fn year(text: &str, head: (usize, usize)) -> Option<u16> {
    for (at, y) in years(text) {
        let s = sentence_at(text, at);
        if ITEM_COUNT.is_match(s) && HANDLING_VERBS.iter().any(|v| s.contains(v)) {
            return Some(y);
        }
    }
    let (a, b) = head;
    if let Some((_, y)) = years(&text[a..b]).next() {
        return Some(y);
    }
    // A page's title may follow a line of catalogue fields that also names the items.
    for line in text.lines().take(8) {
        // A title is short, names the items and has no full stop.
        let titled = line.chars().count() <= 80
            && !line.contains('。')
            && ["建议", "提案", "议案"].iter().any(|w| line.contains(w));
        if let Some((_, y)) = years(line).next().filter(|_| titled) {
            return Some(y);
        }
    }
    // A term of several years has no year of its own.
    let multi_year = MULTI_YEAR.is_match(text);
    // "截至2016年12月13日全部答复完毕": the date a session's items were all handled by. It
    // outranks the date of delivery: a report read in January on the year just ended says
    // "截至2023年12月31日…均已办结".
    if !multi_year {
        for c in COMPLETED_BY.captures_iter(text) {
            let s = sentence_at(text, c.get(0)?.start());
            if ["办复", "办结", "答复", "办理完毕", "办理完成", "办理完结"]
                .iter()
                .any(|w| s.contains(w))
            {
                return c[1].parse().ok();
            }
        }
    }
    // "2019年,省政协…提案办理…": a year that opens a sentence on handling, as its time, says
    // which year's work the text tells of, even when the items are framed by their session.
    if !multi_year && let Some(y) = opening_year(text) {
        return Some(y);
    }
    // "(2024年11月26日在市六届人大常委会第十二次会议上)": a report delivered to a session is
    // on that year's handling, even when it frames its items by the session they came from.
    // "2025年12月30日,省…常委会第二十一次会议审议了…的报告": so is one heard on a date.
    if let Some(c) = DELIVERED.captures(text).or_else(|| HEARD.captures(text)) {
        return c[1].parse().ok();
    }
    if multi_year {
        return None;
    }
    if SESSION_PERIOD.is_match(text) {
        return None;
    }
    // The first year written on its own: not a date's ("发布日期:2024年01月31日") and not the
    // start of a span ("自2022年…以来"), which the text's own year follows.
    if let Some(y) = first_dated(text) {
        return Some(y);
    }
    // "去年,城西区政协…共收到提案N件" under a dateline of 2016: the year before the date.
    let counting_sentence = text
        .split(['。', '\n'])
        .find(|s| ITEM_COUNT.is_match(s) && HANDLING_VERBS.iter().any(|v| s.contains(v)));
    if counting_sentence.is_some_and(|s| ["去年", "上年", "过去一年"].iter().any(|w| s.contains(w)))
        && let Some(c) = DATE.captures(text)
    {
        let y = c.get(1).or(c.get(2)).or(c.get(3))?;
        return y.as_str().parse::<u16>().ok().map(|y| y - 1);
    }
    if (text.contains("今年") || text.contains("本年"))
        && let Some(c) = DATE.captures(text)
    {
        let y = c.get(1).or(c.get(2)).or(c.get(3))?;
        return y.as_str().parse().ok();
    }
    roc_year(text)
}

/// The year of the first sentence that opens with a year and a comma ("2019年,…") and speaks
/// of handling in the past, not of plans.
fn opening_year(text: &str) -> Option<u16> {
    years(text).find_map(|(at, y)| {
        let s = sentence_at(text, at);
        let s_start = s.as_ptr() as usize - text.as_ptr() as usize;
        // The year opens its sentence, after blanks or a heading's number ("一、").
        let lead = s.trim_start_matches(|c: char| {
            c.is_whitespace() || "一二三四五六七八九十、".contains(c)
        });
        let opens = s_start + (s.len() - lead.len()) == at;
        let year_end = at + text[at..].find('年')? + '年'.len_utf8();
        let comma = text[year_end..].starts_with([',', ',']);
        let handling = ["办理", "办复", "办结", "答复", "提案", "建议"]
            .iter()
            .any(|w| s.contains(w));
        let plan = ["将", "要", "计划", "拟"].iter().any(|w| s.contains(w));
        (opens && comma && handling && !plan).then_some(y)
    })
}

/// A report delivered to a session, with its date: "2024年11月26日在市六届人大常委会第十二次
/// 会议上".
static DELIVERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n。()()]{2,30}会议上")
        .expect("delivered regex")
});

/// A session that heard or reviewed a report on a date ("2025年12月30日,…会议分别审议了…").
static HEARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]?[^\n。]{0,40}?会议[^\n。]{0,8}?(?:审议|听取)")
        .expect("heard regex")
});

/// A year of the Republic of China calendar used in Taiwan ("102年度", "108 年本府…"): a
/// three-digit year from 100 (2011) on, not an age or an anniversary ("建党100年", "100周年").
fn roc_year(text: &str) -> Option<u16> {
    static ROC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(^|[^\d.])(1[0-2]\d)\s*年(度|[^周来前后之间代历的])").expect("roc year regex")
    });
    ROC.captures_iter(text).find_map(|c| {
        let before = &text[..c.get(2)?.start()];
        if ["建党", "建国", "成立", "诞辰", "百"]
            .iter()
            .any(|w| before.trim_end().ends_with(w))
        {
            return None;
        }
        c[2].parse::<u16>().ok().map(|y| y + 1911)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn y(text: &str) -> Option<u16> {
        year(text, (0, text.find('\n').unwrap_or(text.len())))
    }

    #[test]
    fn the_start_of_a_span_is_no_year() {
        let text = "自2016年市人大一次会议以来,代表共提出建议245件,全部办结。";
        assert_eq!(year(text, (0, 0)), None);
        let text = "2019年,共收到代表建议80件。自2016年以来累计办理245件。";
        assert_eq!(year(text, (0, 0)), Some(2019));
    }

    #[test]
    fn year_of_the_completion_date_when_nothing_else_says() {
        assert_eq!(
            y("市政协六届二次会议以来\n截至2016年12月13日前全部答复完毕,共办理提案572件"),
            Some(2016)
        );
    }

    #[test]
    fn completion_by_a_years_end_or_a_month_end_gives_the_year() {
        assert_eq!(
            y("市政协八届三次会议以来\n截至2025年底,所有立案提案均已办复。"),
            Some(2025)
        );
        assert_eq!(
            y("区人大一次会议以来\n代表建议分别交由承办单位办理,于2024年10月底已全部办理完毕。"),
            Some(2024)
        );
    }

    #[test]
    fn a_year_opening_a_sentence_on_handling_is_its_year() {
        assert_eq!(
            y("省政协十二届二次会议以来\n2019年,省政协加强提案办理协商,提案全部办复。"),
            Some(2019)
        );
        // A plan for the year is no handling reported.
        assert_eq!(
            y("省政协十二届二次会议以来\n2020年,省政协将进一步加强提案办理协商。"),
            None
        );
    }

    #[test]
    fn a_year_compared_with_is_no_year_reported() {
        assert_eq!(
            y("国铁集团高质量完成建议办理\n今年累计承办建议提案496件,比2018年增加50件。"),
            None
        );
        assert_eq!(
            y("代表建议办理综述\n已采纳的建议307件,相比2022年增加4.1个百分点。"),
            None
        );
    }

    #[test]
    fn year_from_text_or_date() {
        assert_eq!(y("2015 年,市教育局承办建议8件"), Some(2015));
        assert_eq!(y("13.07.2015 今年,省教育厅共承办"), Some(2015));
        assert_eq!(y("20xx年全乡共承办"), None);
        assert_eq!(
            y("区财政局2021年建议提案办理情况\n根据2019年的办法,今年共承办"),
            Some(2021)
        );
    }

    #[test]
    fn the_counted_year_beats_a_meeting_in_the_title() {
        assert_eq!(
            y(
                "某县召开2024年建议提案交办会\n会议回顾了2023年办理情况。2023年,全县共承办建议31件。"
            ),
            Some(2023)
        );
    }

    #[test]
    fn title_after_catalogue_fields() {
        assert_eq!(
            y(
                "索引号: 0001/2024-00012 分类: 建议提案\n标题: 某县水利局2023年度建议提案办理情况\n自县人大一次会议以来,办理工作顺利。"
            ),
            Some(2023)
        );
    }

    #[test]
    fn a_session_period_gives_no_year() {
        assert_eq!(
            y(
                "代表建议办理情况通报\n2018年03月02日 来源:某报\n自十三届人大二次会议以来,代表提出建议210件。"
            ),
            None
        );
        assert_eq!(
            y("政协提案工作报告\n五年来提案全部办复。截至2016年9月,2016年全省降水偏多。"),
            None
        );
    }

    #[test]
    fn dates_and_span_starts_are_not_the_first_year() {
        // A publication date, then the year the body's handling is told for.
        assert_eq!(
            y("发布日期:2022年03月15日
某局获评先进承办单位
2021年,某局把办好提案作为重要职责。"),
            Some(2021)
        );
        // A short dateline with its source after the date is no year of handling either.
        assert_eq!(
            y("某部门办理建议提案综述
2022年03月06日17:06 来源:某报
2021年,某部门办理建议提案内容主要涉及用地审批。"),
            Some(2021)
        );
        // The start of a span gives no year; 今年 with a dateline written "YYYY MM/DD" does.
        assert_eq!(
            y("建议办理通报
2021 09/30 10:02:11
今年某县领导领衔督办建议12件,自2019年开展以来成效明显。"),
            Some(2021)
        );
    }

    #[test]
    fn a_report_delivered_to_a_session_is_of_that_year() {
        assert_eq!(
            y(
                "关于代表建议办理情况的报告\n(2022年12月2日在县十届人大常委会第八次会议上)\n县十届人大二次会议以来,代表提出的建议均已办复。"
            ),
            Some(2022)
        );
    }

    #[test]
    fn a_completion_date_outranks_the_date_of_delivery() {
        assert_eq!(
            y(
                "关于建议办理情况的报告\n(2024年1月20日在某镇人民代表大会第三次会议上)\n截至2023年12月31日,代表建议12件均已办结。"
            ),
            Some(2023)
        );
    }

    #[test]
    fn years_in_numeral_characters() {
        assert_eq!(y("通报\n该市二〇一九年共办理提案300件。"), Some(2019));
        assert_eq!(y("通报\n全省二00九年共立案提案880件。"), Some(2009));
        assert_eq!(y("通报\n二零零八年,县政府共承办建议40件。"), Some(2008));
        // Not a year: a numeral count of years.
        assert_eq!(y("通报\n二十年来共办理提案300件。"), None);
    }

    #[test]
    fn a_line_of_date_and_time_is_a_dateline() {
        assert_eq!(
            y("某省提案办复率高\n来源:某网\n2010年01月24日11:23\n截至去年底,提案均已办复。"),
            None
        );
        assert_eq!(
            y("关于报告的议案\n常委会:\n报告已经同意,请予审议。\n某区人民政府\n2016年9月9日"),
            Some(2016)
        );
    }

    #[test]
    fn last_year_under_a_dateline_is_the_year_before() {
        assert_eq!(
            y("某区政协提案工作\n04.03.2016 11:18\n去年,区政协共收到提案120件,全部办复。"),
            Some(2015)
        );
        assert_eq!(
            y("某区政协提案工作\n04.03.2016 11:18\n今年区政协共收到提案120件。去年办复率100%。"),
            Some(2016)
        );
    }

    #[test]
    fn a_year_of_the_roc_calendar() {
        assert_eq!(y("某署年报\n111 年度收文8,000件,较110年增加。"), Some(2022));
        // An anniversary or an age is no year.
        assert_eq!(y("纪念\n庆祝建党100年,百年大计。"), None);
        assert_eq!(y("纪念\n该校已有120年历史,100周年校庆。"), None);
    }

    #[test]
    fn a_dated_handling_event_gives_the_year() {
        assert_eq!(
            y("见面会\n2020年5月8日,区政协委员到我局听取提案办理情况。"),
            Some(2020)
        );
    }
}
