@contact
Feature: Who can I contact for help?

  For PACER related issue, please contact PACER at: (800) 676-6856 or send an email to
  pacer@psc.uscourts.gov. All other issues, please contact the CM/ECF Help Desk at
  866-450-1859 or send an email to cmecf_helpdesk@cit.uscourts.gov.

  @needs_court_contact_page
  Scenario Outline: The court's contact page gives a number to call and an address to write to: <who>
    FAQ: For PACER related issue, please contact PACER at: (800) 676-6856 or send an email to pacer@psc.uscourts.gov.
    FAQ: All other issues, please contact the CM/ECF Help Desk at 866-450-1859 or send an email to cmecf_helpdesk@cit.uscourts.gov.

    Given a visitor is on the court's website
    When the visitor opens the contact page
    Then the contact page lists <who> with the phone number "<phone>" that dials "<dial>"
    And the contact page lists <who> with the email address "<email>"

    Examples:
      | who                      | phone          | dial         | email                           |
      | the PACER Service Center | (800) 676-6856 | +18006766856 | pacer@psc.uscourts.gov          |
      | the CM/ECF Help Desk     | 866-450-1859   | +18664501859 | cmecf_helpdesk@cit.uscourts.gov |

  Scenario: CM/ECF's Help menu points to the CM/ECF Help Desk
    FAQ: All other issues, please contact the CM/ECF Help Desk at 866-450-1859 or send an email to cmecf_helpdesk@cit.uscourts.gov.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer opens "Help"
    Then the CM/ECF Help page lists the CM/ECF Help Desk with the phone number "866-450-1859" that dials "+18664501859"
    And the CM/ECF Help page lists the CM/ECF Help Desk with the email address "cmecf_helpdesk@cit.uscourts.gov"

  @needs_court_faq_page
  Scenario: The FAQ on the court's website gives the same contacts
    FAQ: For PACER related issue, please contact PACER at: (800) 676-6856 or send an email to pacer@psc.uscourts.gov.
    FAQ: All other issues, please contact the CM/ECF Help Desk at 866-450-1859 or send an email to cmecf_helpdesk@cit.uscourts.gov.

    Given a visitor is on the court's website
    When the visitor opens the linking FAQ on the court's website
    Then the FAQ answers "Who can I contact for help?"
    And its answer says "(800) 676-6856"
    And its answer says "pacer@psc.uscourts.gov"
    And its answer says "866-450-1859"
    And its answer says "cmecf_helpdesk@cit.uscourts.gov"
