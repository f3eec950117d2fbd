use serde::Deserialize;

/// The words of the "when it does not feel safe" screen, kept as data in
/// `content/safety/` so they can be checked and changed without the code.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyGuide {
    pub version: u32,
    /// When the services' contact details were last checked (year and
    /// month), shown so a reader knows how fresh they are.
    pub checked: String,
    pub title: String,
    pub sections: Vec<SafetySection>,
    pub services: Vec<Service>,
    /// What follows the list of services.
    #[serde(default)]
    pub elsewhere: Vec<String>,
    /// Sections shown after the services: what matters, but less than a
    /// number to call, such as using tandem itself safely.
    #[serde(default)]
    pub after_services: Vec<SafetySection>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetySection {
    pub heading: String,
    pub lines: Vec<String>,
}

/// A service for people affected by domestic abuse.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub name: String,
    pub region: String,
    /// The country the region is part of, when it is a part ("United
    /// Kingdom" for Scotland): services are listed country by country, so
    /// someone in Scotland finds the lines for all of the UK together.
    #[serde(default)]
    pub country: String,
    /// Who it is for ("everyone", "women", "men", "LGBT+ people"): a
    /// line for women only is no help to a man who rings it in a crisis.
    #[serde(default, rename = "for")]
    pub for_whom: String,
    /// When it answers ("24 hours", "Mon–Fri 9am–5pm").
    #[serde(default)]
    pub hours: String,
    /// How to reach it, in words: numbers, texts, websites.
    pub reach: String,
    /// Where the contact details were taken from, to check them again.
    pub source: String,
    /// When they were last checked against the source (year and month).
    #[serde(default)]
    pub checked: String,
}

impl Service {
    /// The country it is listed under.
    pub fn country(&self) -> &str {
        if self.country.is_empty() {
            &self.region
        } else {
            &self.country
        }
    }
}

impl SafetyGuide {
    /// The guide as lines of text; headings are marked so the screen can
    /// set them apart. Who to call comes first, country by country, in the
    /// order the countries first appear in the file.
    pub fn lines(&self) -> Vec<SafetyLine<'_>> {
        let mut out = Vec::new();
        for section in &self.sections {
            if !out.is_empty() {
                out.push(SafetyLine::Blank);
            }
            section.push_to(&mut out);
        }
        let mut countries: Vec<&str> = Vec::new();
        for service in &self.services {
            if !countries.contains(&service.country()) {
                countries.push(service.country());
            }
        }
        for country in countries {
            out.push(SafetyLine::Blank);
            out.push(SafetyLine::Country(country));
            out.extend(
                self.services
                    .iter()
                    .filter(|s| s.country() == country)
                    .map(SafetyLine::Service),
            );
        }
        if !self.elsewhere.is_empty() {
            out.push(SafetyLine::Blank);
            out.extend(self.elsewhere.iter().map(|l| SafetyLine::Text(l.as_str())));
        }
        for section in &self.after_services {
            out.push(SafetyLine::Blank);
            section.push_to(&mut out);
        }
        out
    }
}

impl SafetySection {
    /// Its heading, then its lines.
    fn push_to<'a>(&'a self, out: &mut Vec<SafetyLine<'a>>) {
        out.push(SafetyLine::Heading(&self.heading));
        out.extend(self.lines.iter().map(|l| SafetyLine::Text(l.as_str())));
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SafetyLine<'a> {
    Heading(&'a str),
    /// The country the services under it are in.
    Country(&'a str),
    Text(&'a str),
    Service(&'a Service),
    Blank,
}
