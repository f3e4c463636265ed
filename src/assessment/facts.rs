//! What the rules' conditions read: the answers, and what earlier tables decided.
//! Small named questions ("still using?", "on an agonist?") keep the tables readable.

use super::answers::{
    AgeGroup, Answers, CurrentMedication, Housing, Opioid, SedativeWithdrawalRisk, Substance,
    Support, Tracked,
};
use std::cell::Cell;

use super::result::{
    Area, Level, MedicationKind, MedicationStatus, Plan, Risk, Severity, SeverityBasis,
};

/// The medicines the rules can list, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Med {
    Methadone,
    Buprenorphine,
    ExtendedReleaseBuprenorphine,
    ExtendedReleaseNaltrexone,
    Naltrexone,
    SlowReleaseOralMorphine,
    InjectableOat,
    Lofexidine,
    Naloxone,
}

impl Med {
    pub const ALL: &'static [Med] = &[
        Med::Methadone,
        Med::Buprenorphine,
        Med::ExtendedReleaseBuprenorphine,
        Med::ExtendedReleaseNaltrexone,
        Med::Naltrexone,
        Med::SlowReleaseOralMorphine,
        Med::InjectableOat,
        Med::Lofexidine,
        Med::Naloxone,
    ];

    /// The content-library page for it.
    pub fn slug(self) -> &'static str {
        match self {
            Med::Methadone => "methadone",
            Med::Buprenorphine => "buprenorphine",
            Med::ExtendedReleaseBuprenorphine => "extended-release-buprenorphine",
            Med::ExtendedReleaseNaltrexone => "extended-release-naltrexone",
            Med::Naltrexone => "naltrexone",
            Med::SlowReleaseOralMorphine => "slow-release-oral-morphine",
            Med::InjectableOat => "injectable-opioid-agonist-treatment",
            Med::Lofexidine => "lofexidine",
            Med::Naloxone => "naloxone",
        }
    }
}

/// The answers, and the decisions made so far, as the rules see them.
pub struct Facts<'a> {
    /// The answers; reading them is noted, for `missing`.
    pub a: Tracked<'a>,
    pub severity: Severity,
    /// Whether the severity was counted, estimated or is unknown.
    pub basis: SeverityBasis,
    pub areas: [Risk; 6],
    pub level: Level,
    pub plan: Plan,
    pub medication: Option<MedicationKind>,
    /// `disorder_possible()`, worked out once the severity is known.
    pub disorder: bool,
    /// `naltrexone_is_the_option()`, worked out once the plan is known.
    pub naltrexone_option: bool,
    /// Each medicine's status once decided (`None`: not listed, or not decided yet).
    /// A cell, because the medicines are decided in turn while their rows read it.
    pub statuses: Cell<[Option<MedicationStatus>; 9]>,
}

impl<'a> Facts<'a> {
    pub fn new(a: &'a Answers) -> Facts<'a> {
        Facts {
            a: Tracked::new(a),
            severity: Severity::Unknown,
            basis: SeverityBasis::Unknown,
            areas: [Risk::Low; 6],
            level: Level::Outpatient,
            plan: Plan::Maintenance,
            medication: None,
            disorder: false,
            naltrexone_option: false,
            statuses: Cell::new([None; 9]),
        }
    }

    pub fn risk(&self, area: Area) -> Risk {
        self.areas[area as usize]
    }

    pub fn status(&self, med: Med) -> Option<MedicationStatus> {
        self.statuses.get()[med as usize]
    }

    /// A disorder is indicated, or may be: not when the DSM-5 count rules it out, and not
    /// when all that is known is prescribed opioids (tolerance and withdrawal from
    /// prescribed use are not addiction on their own; CDC 2022, ACOG 711).
    pub fn disorder_possible(&self) -> bool {
        self.disorder
    }

    /// Works out [`Facts::disorder_possible`] from the severity (called once it is known).
    pub fn work_out_disorder(&self) -> bool {
        self.severity != Severity::None
            && !(self.severity == Severity::Unknown
                && self.prescribed_only()
                && !self.tried_to_stop_or_returned())
    }

    /// Attempts to stop, or a return to use, were said: signs of a disorder even when
    /// the opioids are prescribed.
    pub fn tried_to_stop_or_returned(&self) -> bool {
        matches!(
            self.a.quit_attempts(),
            Some(super::answers::QuitAttempts::One | super::answers::QuitAttempts::Several)
        ) || self.a.relapse_history() == Some(true)
    }

    /// The opioids used are prescription pills only.
    pub fn prescribed_only(&self) -> bool {
        self.a
            .opioids()
            .is_some_and(|o| !o.is_empty() && o.iter().all(|x| *x == Opioid::PrescriptionPills))
    }

    /// Pregnant, with a disorder indicated or possible: the pregnancy rules never apply
    /// without one (a person on prescribed opioids is not a case for methadone).
    pub fn pregnant(&self) -> bool {
        self.a.pregnant() == Some(true) && self.disorder_possible()
    }

    /// On a medication for opioid use disorder, and no non-prescribed opioids for 30
    /// days or more: what protects most is already working.
    pub fn stable_on_medication(&self) -> bool {
        (self.on_agonist() || self.on_naltrexone())
            && self.a.days_since_last_use().is_some_and(|d| d >= 30)
    }

    pub fn minor(&self) -> bool {
        matches!(
            self.a.age_group(),
            Some(AgeGroup::Under16 | AgeGroup::From16To17)
        )
    }

    pub fn on_agonist(&self) -> bool {
        self.a
            .current_medication()
            .is_some_and(CurrentMedication::is_agonist)
    }

    pub fn on_naltrexone(&self) -> bool {
        self.a
            .current_medication()
            .is_some_and(CurrentMedication::is_naltrexone)
    }

    /// Used non-prescribed opioids in the past week, or not known: unknown is never
    /// reassuring.
    pub fn still_using(&self) -> bool {
        self.a.days_since_last_use().is_none_or(|d| d < 7)
    }

    /// Fentanyl may be in what is used: anything but prescription pills alone, since
    /// street heroin and pills now usually contain it (ASAM 2023), and not known counts.
    pub fn fentanyl_possible(&self) -> bool {
        !self.prescribed_only()
    }

    /// Alcohol or benzodiazepines are used: named among other substances, or heavy daily
    /// use said.
    pub fn uses_sedatives(&self) -> bool {
        self.a.other_substances().is_some_and(|s| {
            s.contains(&Substance::Alcohol) || s.contains(&Substance::Benzodiazepines)
        }) || self.a.sedative_withdrawal_risk() == Some(SedativeWithdrawalRisk::DailyHeavy)
    }

    /// Seizures or delirium tremens when stopping before, and alcohol or benzodiazepines
    /// still used (or not known): the next withdrawal is dangerous.
    pub fn dangerous_sedative_withdrawal(&self) -> bool {
        self.a.sedative_withdrawal_risk() == Some(SedativeWithdrawalRisk::PastSeizuresOrDts)
            && self.a.other_substances().is_none_or(|s| {
                s.contains(&Substance::Alcohol) || s.contains(&Substance::Benzodiazepines)
            })
    }

    pub fn has_mental_health(&self) -> bool {
        self.a.mental_health().is_some_and(|m| !m.is_empty())
    }

    pub fn housing_at_risk(&self) -> bool {
        matches!(
            self.a.housing(),
            Some(Housing::Unstable | Housing::Homeless)
        )
    }

    pub fn has_support(&self) -> bool {
        matches!(self.a.support(), Some(Support::Some | Support::Strong))
    }

    /// Naltrexone is a real option: the plan rests on it or on stopping opioids, the
    /// person is not pregnant and has not declined it.
    pub fn naltrexone_is_the_option(&self) -> bool {
        self.naltrexone_option
    }

    /// Works out [`Facts::naltrexone_is_the_option`] (called once the plan is known).
    pub fn work_out_naltrexone_option(&self) -> bool {
        !self.pregnant()
            && self.disorder_possible()
            && !self.on_naltrexone()
            && !self.a.declines(super::answers::Declined::Naltrexone)
            && (self.plan == Plan::Taper
                || (self.plan == Plan::Maintenance
                    && self.medication == Some(MedicationKind::Antagonist)))
    }

    /// Medication is indicated and not already taken: it can start today.
    pub fn start_today(&self) -> bool {
        self.disorder_possible()
            && self.plan == Plan::Maintenance
            && !self.on_agonist()
            && !self.on_naltrexone()
    }
}
