//! How a summary is written in the summaries cache, where it is read back
//! far more often than it is written.

/// Agreements with every field written, for the cache: a record has no
/// names in it, so no field may be left out when it is empty, as the
/// journal's own files do.
pub mod every_field {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::model::{Agreement, AgreementReview, AgreementStatus};

    #[derive(Serialize, Deserialize)]
    struct Made {
        text: String,
        status: AgreementStatus,
        #[serde(with = "super::instant")]
        made: Timestamp,
        reviews: Vec<Review>,
    }

    #[derive(Serialize, Deserialize)]
    struct Review {
        #[serde(with = "super::instant")]
        when: Timestamp,
        status: AgreementStatus,
        page: Option<String>,
        was: Option<String>,
    }

    pub fn serialize<S: Serializer>(agreements: &[Agreement], to: S) -> Result<S::Ok, S::Error> {
        let all: Vec<Made> = agreements
            .iter()
            .map(|a| Made {
                text: a.text.clone(),
                status: a.status,
                made: a.made,
                reviews: a
                    .reviews
                    .iter()
                    .map(|r| Review {
                        when: r.when,
                        status: r.status,
                        page: r.page.clone(),
                        was: r.was.clone(),
                    })
                    .collect(),
            })
            .collect();
        all.serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<Agreement>, D::Error> {
        let all = Vec::<Made>::deserialize(from)?;
        Ok(all
            .into_iter()
            .map(|a| Agreement {
                text: a.text,
                status: a.status,
                made: a.made,
                reviews: a
                    .reviews
                    .into_iter()
                    .map(|r| AgreementReview {
                        when: r.when,
                        status: r.status,
                        page: r.page,
                        was: r.was,
                    })
                    .collect(),
            })
            .collect())
    }
}

/// A moment as seconds and nanoseconds, for the cache: quicker to read
/// back than the text the journal's files use.
pub mod instant {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(at: &Timestamp, to: S) -> Result<S::Ok, S::Error> {
        (at.as_second(), at.subsec_nanosecond()).serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Timestamp, D::Error> {
        let (seconds, nanos) = <(i64, i32)>::deserialize(from)?;
        Timestamp::new(seconds, nanos).map_err(serde::de::Error::custom)
    }
}
