@wrong_accounts @help_desk @linking
Feature: I accidentally linked the wrong accounts.

  Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court
  will need to unlink your accounts. You will receive confirmation when the accounts have been
  unlinked, and then you will need to go back through the linking process to link the correct
  accounts.

  @needs_court_contact_page
  Scenario: The filer knows where to email the CM/ECF Help Desk
    FAQ: Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court will need to unlink your accounts.

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the contact page
    Then the CM/ECF Help Desk email link is "cmecf_helpdesk@cit.uscourts.gov"

  @mock_only @destructive
  Scenario: The Help Desk unlinks the wrong accounts and the filer receives confirmation
    FAQ: Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court will need to unlink your accounts.
    FAQ: You will receive confirmation when the accounts have been unlinked,

    Given a filer with an upgraded individual PACER account has linked the wrong CM/ECF account
    When a CM/ECF Help Desk clerk unlinks that CM/ECF account
    Then the clerk is told the accounts have been unlinked and the filer notified
    And the filer receives an email: accounts unlinked
    And the email names the wrongly linked CM/ECF account
    And the filer's accounts are no longer linked

  @mock_only @destructive
  Scenario: After the unlink, the filer goes back through the linking process with the correct account
    FAQ: and then you will need to go back through the linking process to link the correct accounts.

    Given a filer with an upgraded individual PACER account has linked the wrong CM/ECF account
    And a CM/ECF Help Desk clerk has unlinked that CM/ECF account
    And the filer is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    Then CM/ECF confirms that the CM/ECF account is linked to the PACER account
    And the filing menu appears in the CM/ECF menu bar

  @mock_only @errors
  Scenario: Until the Help Desk unlinks, the filer cannot link the correct account
    FAQ: Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court will need to unlink your accounts.

    Given a filer with an upgraded individual PACER account has linked the wrong CM/ECF account
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer tries to link their own CM/ECF account
    Then CM/ECF refuses to link: PACER account already linked

  @mock_only @destructive
  Scenario: The email after a wrong link names that CM/ECF account and the Help Desk
    FAQ: Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court will need to unlink your accounts.

    Given a filer with an upgraded individual PACER account has linked the wrong CM/ECF account
    Then the filer receives an email: accounts linked
    And the email names the wrongly linked CM/ECF account
    And the email says to contact the CM/ECF Help Desk at "cmecf_helpdesk@cit.uscourts.gov"

  @errors
  Scenario: Only court staff can unlink accounts
    FAQ: Please email cmecf_helpdesk@cit.uscourts.gov with your CM/ECF login information as the Court will need to unlink your accounts.

    Given a filer whose accounts are already linked is signed in to CM/ECF
    When the filer opens the court staff's unlink page directly
    Then CM/ECF says: only court staff can unlink
