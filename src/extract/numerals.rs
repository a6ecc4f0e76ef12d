//! Numbers as reports write them: Arabic (`151`, `99.8`), and Chinese numerals (`四`,
//! `一百五十一`, `四千二百八十七`, `七十二点二`, `两`).

fn digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// True for characters that can be part of a Chinese numeral.
pub fn is_chinese_numeral(c: char) -> bool {
    digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '点')
}

/// Parses a Chinese numeral; `None` when it is not one.
pub fn parse_chinese(s: &str) -> Option<f64> {
    // A lone 万 or 千 is a word, not a number.
    if s.is_empty() || s == "万" || s == "千" {
        return None;
    }
    let (int_part, frac_part) = match s.split_once('点') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut number: Option<u64> = None;
    let mut plain_digits = true;
    for c in int_part.chars() {
        if let Some(d) = digit(c) {
            // "二〇二一" style: a run of bare digits reads positionally.
            if let Some(n) = number
                && plain_digits
            {
                number = Some(n * 10 + d);
                continue;
            }
            number = Some(d);
        } else {
            plain_digits = false;
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                '万' => 10_000,
                _ => return None,
            };
            if unit == 10_000 {
                section = (section + number.unwrap_or(0)) * unit;
                total += section;
                section = 0;
            } else {
                section += number.unwrap_or(1) * unit;
            }
            number = None;
        }
    }
    section += number.unwrap_or(0);
    let mut value = (total + section) as f64;
    if let Some(frac) = frac_part {
        let mut scale = 0.1;
        for c in frac.chars() {
            value += digit(c)? as f64 * scale;
            scale /= 10.0;
        }
    }
    Some(value)
}

/// Parses an Arabic or Chinese number, with a trailing 万 ("1.2万") multiplying an Arabic one.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if let Some(base) = t.strip_suffix('万')
        && !base.is_empty()
        && base.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return base.parse::<f64>().ok().map(|v| (v * 10_000.0).round());
    }
    if t.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ' ')
    {
        let compact: String = t.chars().filter(|&c| c != ' ').collect();
        compact.parse::<f64>().ok()
    } else {
        parse_chinese(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("四"), Some(4.0));
        assert_eq!(parse_chinese("十二"), Some(12.0));
        assert_eq!(parse_chinese("一百五十一"), Some(151.0));
        assert_eq!(parse_chinese("四千二百八十七"), Some(4287.0));
        assert_eq!(parse_chinese("七十二点二"), Some(72.2));
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("一百零五"), Some(105.0));
        assert_eq!(parse_chinese("百"), Some(100.0));
        assert_eq!(parse_chinese("一万二千"), Some(12000.0));
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(parse_number("99.8"), Some(99.8));
        assert_eq!(parse_number("151"), Some(151.0));
        assert_eq!(parse_number("x"), None);
        assert_eq!(parse_number("1.2万"), Some(12000.0));
        assert_eq!(parse_chinese("万"), None);
    }
}
