//! Conversions between [`ServiceDate`] and the date types of `chrono`,
//! `time` and `jiff`, each behind the feature of the same name.
//!
//! A `ServiceDate` always converts to those types (their ranges are wider);
//! the other way fails with [`DateError::Year`] for a year outside
//! 1900–2199.

#[cfg(any(feature = "chrono", feature = "time", feature = "jiff"))]
use crate::model::date::{DateError, ServiceDate};

/// The year of another crate's date as a `ServiceDate` year.
#[cfg(any(feature = "chrono", feature = "time", feature = "jiff"))]
fn year(value: i32) -> Result<u16, DateError> {
    u16::try_from(value).map_err(|_| DateError::Year {
        year: if value < 0 { 0 } else { u16::MAX },
    })
}

#[cfg(feature = "chrono")]
#[cfg_attr(docsrs, doc(cfg(feature = "chrono")))]
impl From<ServiceDate> for chrono::NaiveDate {
    /// ```
    /// let date = cdt_codes::ServiceDate::new(2026, 2, 28).unwrap();
    /// let naive = chrono::NaiveDate::from(date);
    /// assert_eq!(naive.to_string(), "2026-02-28");
    /// ```
    fn from(date: ServiceDate) -> chrono::NaiveDate {
        // Every ServiceDate (1900-2199) is a valid NaiveDate.
        chrono::NaiveDate::from_ymd_opt(
            i32::from(date.year()),
            u32::from(date.month()),
            u32::from(date.day()),
        )
        .unwrap_or(chrono::NaiveDate::MIN)
    }
}

#[cfg(feature = "chrono")]
#[cfg_attr(docsrs, doc(cfg(feature = "chrono")))]
impl TryFrom<chrono::NaiveDate> for ServiceDate {
    type Error = DateError;

    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let naive = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    /// assert_eq!(ServiceDate::try_from(naive)?.to_string(), "2026-01-15");
    /// let old = chrono::NaiveDate::from_ymd_opt(1850, 1, 1).unwrap();
    /// assert!(ServiceDate::try_from(old).is_err());
    /// # Ok::<(), cdt_codes::DateError>(())
    /// ```
    fn try_from(date: chrono::NaiveDate) -> Result<ServiceDate, DateError> {
        use chrono::Datelike;
        let month = u8::try_from(date.month()).map_err(|_| DateError::Format)?;
        let day = u8::try_from(date.day()).map_err(|_| DateError::Format)?;
        ServiceDate::new(year(date.year())?, month, day)
    }
}

#[cfg(feature = "time")]
#[cfg_attr(docsrs, doc(cfg(feature = "time")))]
impl From<ServiceDate> for time::Date {
    /// ```
    /// let date = cdt_codes::ServiceDate::new(2026, 2, 28).unwrap();
    /// let converted = time::Date::from(date);
    /// assert_eq!((converted.year(), converted.day()), (2026, 28));
    /// ```
    fn from(date: ServiceDate) -> time::Date {
        let month = time::Month::try_from(date.month()).unwrap_or(time::Month::January);
        // Every ServiceDate (1900-2199) is a valid time::Date.
        time::Date::from_calendar_date(i32::from(date.year()), month, date.day())
            .unwrap_or(time::Date::MIN)
    }
}

#[cfg(feature = "time")]
#[cfg_attr(docsrs, doc(cfg(feature = "time")))]
impl TryFrom<time::Date> for ServiceDate {
    type Error = DateError;

    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let date = time::Date::from_calendar_date(2026, time::Month::January, 15).unwrap();
    /// assert_eq!(ServiceDate::try_from(date)?.to_string(), "2026-01-15");
    /// # Ok::<(), cdt_codes::DateError>(())
    /// ```
    fn try_from(date: time::Date) -> Result<ServiceDate, DateError> {
        ServiceDate::new(year(date.year())?, u8::from(date.month()), date.day())
    }
}

#[cfg(feature = "jiff")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff")))]
impl From<ServiceDate> for jiff::civil::Date {
    /// ```
    /// let date = cdt_codes::ServiceDate::new(2026, 2, 28).unwrap();
    /// let civil = jiff::civil::Date::from(date);
    /// assert_eq!((civil.year(), civil.month(), civil.day()), (2026, 2, 28));
    /// ```
    fn from(date: ServiceDate) -> jiff::civil::Date {
        let year = i16::try_from(date.year()).unwrap_or(i16::MAX);
        // Month and day are small and valid; every ServiceDate is a valid
        // jiff date.
        let month = i8::try_from(date.month()).unwrap_or(1);
        let day = i8::try_from(date.day()).unwrap_or(1);
        jiff::civil::Date::new(year, month, day).unwrap_or(jiff::civil::Date::MIN)
    }
}

#[cfg(feature = "jiff")]
#[cfg_attr(docsrs, doc(cfg(feature = "jiff")))]
impl TryFrom<jiff::civil::Date> for ServiceDate {
    type Error = DateError;

    /// ```
    /// use cdt_codes::ServiceDate;
    ///
    /// let date = jiff::civil::date(2026, 1, 15);
    /// assert_eq!(ServiceDate::try_from(date)?.to_string(), "2026-01-15");
    /// # Ok::<(), cdt_codes::DateError>(())
    /// ```
    fn try_from(date: jiff::civil::Date) -> Result<ServiceDate, DateError> {
        let month = u8::try_from(date.month()).map_err(|_| DateError::Format)?;
        let day = u8::try_from(date.day()).map_err(|_| DateError::Format)?;
        ServiceDate::new(year(i32::from(date.year()))?, month, day)
    }
}
