//! The sources the rules cite: one registry, so every rule names its authority by id and
//! the `/rules` page prints the full citation once.

use serde::Serialize;

/// A source a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Dsm5,
    AsamNpg2020,
    AsamHpso2023,
    AsamCriteria2023,
    AsamAlcoholWithdrawal2020,
    Tip63,
    Part8Rule2024,
    Fda2017Sedatives,
    BuprenorphineLabel,
    ExtendedReleaseLabels,
    NaltrexoneLabel,
    Acog711,
    SamhsaPregnancy2018,
    Crism2018,
    Crism2024,
    CrismInjectable2019,
    HealthCanadaProducts,
    Cdc2022,
    Aap2016,
    Cows2003,
    ReleaseFromPrison2007,
    CdcXylazine,
    CdcHarmReduction,
    Lifeline988,
    NeverUseAlone,
    LofexidineLabel,
    FdaNaloxoneOtc2023,
    HealthCanadaNaloxone,
    SamhsaHelpline,
}

/// A source's full citation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Citation {
    /// Short name shown beside each rule.
    pub short: &'static str,
    pub citation: &'static str,
    pub year: u16,
    pub url: &'static str,
}

impl Source {
    pub const ALL: &'static [Source] = &[
        Source::Dsm5,
        Source::AsamNpg2020,
        Source::AsamHpso2023,
        Source::AsamCriteria2023,
        Source::AsamAlcoholWithdrawal2020,
        Source::Tip63,
        Source::Part8Rule2024,
        Source::Fda2017Sedatives,
        Source::BuprenorphineLabel,
        Source::ExtendedReleaseLabels,
        Source::NaltrexoneLabel,
        Source::Acog711,
        Source::SamhsaPregnancy2018,
        Source::Crism2018,
        Source::Crism2024,
        Source::CrismInjectable2019,
        Source::HealthCanadaProducts,
        Source::Cdc2022,
        Source::Aap2016,
        Source::Cows2003,
        Source::ReleaseFromPrison2007,
        Source::CdcXylazine,
        Source::CdcHarmReduction,
        Source::Lifeline988,
        Source::NeverUseAlone,
        Source::LofexidineLabel,
        Source::FdaNaloxoneOtc2023,
        Source::HealthCanadaNaloxone,
        Source::SamhsaHelpline,
    ];

    /// The id used in anchors and the API: the variant's snake_case name.
    pub fn id(self) -> &'static str {
        match self {
            Source::Dsm5 => "dsm5",
            Source::AsamNpg2020 => "asam_npg_2020",
            Source::AsamHpso2023 => "asam_hpso_2023",
            Source::AsamCriteria2023 => "asam_criteria_2023",
            Source::AsamAlcoholWithdrawal2020 => "asam_alcohol_withdrawal_2020",
            Source::Tip63 => "tip63",
            Source::Part8Rule2024 => "part8_rule_2024",
            Source::Fda2017Sedatives => "fda_2017_sedatives",
            Source::BuprenorphineLabel => "buprenorphine_label",
            Source::ExtendedReleaseLabels => "extended_release_labels",
            Source::NaltrexoneLabel => "naltrexone_label",
            Source::Acog711 => "acog_711",
            Source::SamhsaPregnancy2018 => "samhsa_pregnancy_2018",
            Source::Crism2018 => "crism_2018",
            Source::Crism2024 => "crism_2024",
            Source::CrismInjectable2019 => "crism_injectable_2019",
            Source::HealthCanadaProducts => "health_canada_products",
            Source::Cdc2022 => "cdc_2022",
            Source::Aap2016 => "aap_2016",
            Source::Cows2003 => "cows_2003",
            Source::ReleaseFromPrison2007 => "release_from_prison_2007",
            Source::CdcXylazine => "cdc_xylazine",
            Source::CdcHarmReduction => "cdc_harm_reduction",
            Source::Lifeline988 => "lifeline_988",
            Source::NeverUseAlone => "never_use_alone",
            Source::LofexidineLabel => "lofexidine_label",
            Source::FdaNaloxoneOtc2023 => "fda_naloxone_otc_2023",
            Source::HealthCanadaNaloxone => "health_canada_naloxone",
            Source::SamhsaHelpline => "samhsa_helpline",
        }
    }

    pub fn citation(self) -> Citation {
        let c = |short, citation, year, url| Citation {
            short,
            citation,
            year,
            url,
        };
        match self {
            Source::Dsm5 => c(
                "DSM-5",
                "American Psychiatric Association. Diagnostic and Statistical Manual of Mental Disorders, 5th edition: opioid use disorder (2–3 criteria mild, 4–5 moderate, 6 or more severe).",
                2013,
                "https://www.psychiatry.org/psychiatrists/practice/dsm",
            ),
            Source::AsamNpg2020 => c(
                "ASAM NPG 2020",
                "American Society of Addiction Medicine. The ASAM National Practice Guideline for the Treatment of Opioid Use Disorder: 2020 Focused Update. J Addict Med 2020;14(2S Suppl 1):1–91.",
                2020,
                "https://doi.org/10.1097/ADM.0000000000000633",
            ),
            Source::AsamHpso2023 => c(
                "ASAM 2023 (fentanyl era)",
                "Weimer MB, Herring AA, Kawasaki SS, et al. ASAM Clinical Considerations: Buprenorphine Treatment of Opioid Use Disorder for Individuals Using High-potency Synthetic Opioids. J Addict Med 2023;17(6):632–639.",
                2023,
                "https://doi.org/10.1097/ADM.0000000000001202",
            ),
            Source::AsamCriteria2023 => c(
                "ASAM Criteria 2023",
                "American Society of Addiction Medicine. The ASAM Criteria, 4th edition: placement by risk across several dimensions, not by diagnosis.",
                2023,
                "https://www.asam.org/asam-criteria",
            ),
            Source::AsamAlcoholWithdrawal2020 => c(
                "ASAM alcohol withdrawal 2020",
                "American Society of Addiction Medicine. The ASAM Clinical Practice Guideline on Alcohol Withdrawal Management. J Addict Med 2020;14(3S Suppl 1):1–72.",
                2020,
                "https://doi.org/10.1097/ADM.0000000000000668",
            ),
            Source::Tip63 => c(
                "SAMHSA TIP 63",
                "SAMHSA. Treatment Improvement Protocol 63: Medications for Opioid Use Disorder (updated 2021).",
                2021,
                "https://www.ncbi.nlm.nih.gov/books/NBK574910/",
            ),
            Source::Part8Rule2024 => c(
                "42 CFR Part 8 (2024)",
                "SAMHSA. Medications for the Treatment of Opioid Use Disorder, final rule, 89 FR 7528 (2 February 2024; effective 2 April 2024, compliance 2 October 2024).",
                2024,
                "https://www.federalregister.gov/d/2024-01693",
            ),
            Source::Fda2017Sedatives => c(
                "FDA 2017",
                "FDA Drug Safety Communication (20 September 2017): do not withhold buprenorphine or methadone from people who also take benzodiazepines or other sedatives; manage the risk.",
                2017,
                "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-urges-caution-about-withholding-opioid-addiction-medications",
            ),
            Source::BuprenorphineLabel => c(
                "Buprenorphine labels",
                "FDA-approved labelling for sublingual buprenorphine and buprenorphine-naloxone (DailyMed): induction, precipitated withdrawal, use from age 16.",
                2024,
                "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=buprenorphine+naloxone+sublingual",
            ),
            Source::ExtendedReleaseLabels => c(
                "Extended-release labels",
                "FDA-approved labelling for extended-release buprenorphine (Sublocade, Brixadi) and extended-release naltrexone (Vivitrol): adults only.",
                2025,
                "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=sublocade",
            ),
            Source::NaltrexoneLabel => c(
                "Naltrexone label",
                "Vivitrol (naltrexone for extended-release injectable suspension) prescribing information: 7–10 opioid-free days before starting; people switching from buprenorphine or methadone may be at risk of precipitated withdrawal for up to 2 weeks.",
                2022,
                "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=vivitrol",
            ),
            Source::Acog711 => c(
                "ACOG CO 711",
                "American College of Obstetricians and Gynecologists. Committee Opinion 711: Opioid Use and Opioid Use Disorder in Pregnancy. Obstet Gynecol 2017;130(2):e81–e94.",
                2017,
                "https://www.acog.org/clinical/clinical-guidance/committee-opinion/articles/2017/08/opioid-use-and-opioid-use-disorder-in-pregnancy",
            ),
            Source::SamhsaPregnancy2018 => c(
                "SAMHSA 2018 pregnancy guidance",
                "SAMHSA. Clinical Guidance for Treating Pregnant and Parenting Women With Opioid Use Disorder and Their Infants. HHS Publication No. (SMA) 18-5054, 2018.",
                2018,
                "https://www.samhsa.gov/newsroom/press-announcements/201802070200",
            ),
            Source::Crism2018 => c(
                "CRISM 2018",
                "Bruneau J, Ahamad K, Goyer MÈ, et al. Management of opioid use disorders: a national clinical practice guideline. CMAJ 2018;190(9):E247–E257.",
                2018,
                "https://doi.org/10.1503/cmaj.170958",
            ),
            Source::Crism2024 => c(
                "CRISM 2024",
                "Yakovenko I, Mukaneza Y, Germé K, et al. Management of opioid use disorder: 2024 update to the national clinical practice guideline. CMAJ 2024;196(38):E1280–E1290.",
                2024,
                "https://doi.org/10.1503/cmaj.241173",
            ),
            Source::CrismInjectable2019 => c(
                "CRISM iOAT 2019",
                "Fairbairn N, Ross J, Trew M, et al. Injectable opioid agonist treatment for opioid use disorder: a national clinical guideline. CMAJ 2019;191(38):E1049–E1056.",
                2019,
                "https://doi.org/10.1503/cmaj.190344",
            ),
            Source::HealthCanadaProducts => c(
                "Health Canada",
                "Health Canada Drug Product Database and product monographs: lofexidine is not approved in Canada; extended-release naltrexone is reachable only through the Special Access Program; buprenorphine-naloxone is approved for adults.",
                2026,
                "https://health-products.canada.ca/dpd-bdpp/",
            ),
            Source::Cdc2022 => c(
                "CDC 2022",
                "Dowell D, Ragan KR, Jones CM, et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(3):1–95.",
                2022,
                "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm",
            ),
            Source::Aap2016 => c(
                "AAP 2016",
                "American Academy of Pediatrics, Committee on Substance Use and Prevention. Medication-Assisted Treatment of Adolescents With Opioid Use Disorders. Pediatrics 2016;138(3):e20161893.",
                2016,
                "https://doi.org/10.1542/peds.2016-1893",
            ),
            Source::Cows2003 => c(
                "COWS",
                "Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS). J Psychoactive Drugs 2003;35(2):253–259.",
                2003,
                "https://doi.org/10.1080/02791072.2003.10400007",
            ),
            Source::ReleaseFromPrison2007 => c(
                "Binswanger 2007",
                "Binswanger IA, Stern MF, Deyo RA, et al. Release from prison — a high risk of death for former inmates. N Engl J Med 2007;356(2):157–165.",
                2007,
                "https://doi.org/10.1056/NEJMsa064115",
            ),
            Source::CdcXylazine => c(
                "CDC xylazine",
                "CDC. What you should know about xylazine: naloxone does not reverse xylazine; give naloxone for the opioid and support breathing.",
                2024,
                "https://www.cdc.gov/overdose-prevention/about/what-you-should-know-about-xylazine.html",
            ),
            Source::CdcHarmReduction => c(
                "CDC stop overdose",
                "CDC. Stop Overdose: fentanyl test strips, never using alone, and the dangers of mixing drugs, including fentanyl in stimulants.",
                2024,
                "https://www.cdc.gov/stop-overdose/",
            ),
            Source::Lifeline988 => c(
                "988",
                "988 Suicide & Crisis Lifeline (US, since 2022; 988lifeline.org) and 9-8-8 Suicide Crisis Helpline (Canada, since 2023; 988.ca): call or text 988, any time.",
                2023,
                "https://988lifeline.org/",
            ),
            Source::NeverUseAlone => c(
                "Never-use-alone lines",
                "Never Use Alone (US, 1-800-484-3731, neverusealone.com) and the National Overdose Response Service (Canada, 1-888-688-6677, nors.ca): someone stays on the line and sends help if the caller stops answering.",
                2024,
                "https://www.nors.ca/",
            ),
            Source::LofexidineLabel => c(
                "Lofexidine label",
                "Lucemyra (lofexidine) prescribing information: to ease withdrawal symptoms to help abrupt opioid discontinuation in adults, for up to 14 days (US).",
                2018,
                "https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=lucemyra",
            ),
            Source::FdaNaloxoneOtc2023 => c(
                "FDA 2023 (naloxone)",
                "FDA news release (29 March 2023): FDA approves first over-the-counter naloxone nasal spray.",
                2023,
                "https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-counter-naloxone-nasal-spray",
            ),
            Source::HealthCanadaNaloxone => c(
                "Health Canada naloxone",
                "Health Canada: Naloxone. Free naloxone kits are available without a prescription at many pharmacies and harm-reduction sites.",
                2024,
                "https://www.canada.ca/en/health-canada/services/opioids/naloxone.html",
            ),
            Source::SamhsaHelpline => c(
                "SAMHSA National Helpline",
                "SAMHSA National Helpline, 1-800-662-4357: free, confidential treatment referral and information, 24 hours a day.",
                2024,
                "https://www.samhsa.gov/find-help/helplines/national-helpline",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_is_listed_once_with_a_full_citation() {
        let mut ids: Vec<&str> = Source::ALL.iter().map(|s| s.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Source::ALL.len(), "ids are unique");
        for s in Source::ALL {
            let c = s.citation();
            assert!(c.url.starts_with("https://"), "{s:?}");
            assert!(c.citation.len() > 40, "{s:?}");
            assert!((2003..=2026).contains(&c.year), "{s:?}");
        }
    }
}
