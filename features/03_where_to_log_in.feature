@where_to_log_in @navigation
Feature: Where do I go to log into CM/ECF starting March 16, 2020?

  You can log in through the link on the court's website. <http://www.cit.uscourts.gov>
  (CM/ECF link at top of the page → CM/ECF login) or by going to www.pacer.gov and clicking
  "Quick Links/Court Links", then choosing the U.S. Court of International Trade.

  @smoke
  Scenario: Through the link on the court's website
    FAQ: You can log in through the link on the court's website.
    FAQ: <http://www.cit.uscourts.gov> (CM/ECF link at top of the page → CM/ECF login)

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer clicks on the CM/ECF tab at the top of the screen
    And the filer clicks on "Login to the Live CM/ECF Database"
    Then the filer is redirected to the PACER login page
    And PACER login will send the filer back to the court's CM/ECF

  @smoke
  Scenario: Through www.pacer.gov, Quick Links and Court Links
    FAQ: or by going to www.pacer.gov and clicking "Quick Links/Court Links", then choosing the U.S. Court of International Trade.

    Given a filer with an upgraded individual PACER account is not signed in
    When the filer goes to www.pacer.gov
    Then the filer is on the PACER website
    When the filer clicks on "Quick Links" and then "Court Links"
    And the filer chooses "U.S. Court of International Trade"
    Then the filer is redirected to the PACER login page
    And PACER login will send the filer back to the court's CM/ECF

  @sign_in
  Scenario Outline: Both routes end in the court's NextGen CM/ECF after signing in: <route>
    FAQ: You can log in through the link on the court's website.
    FAQ: or by going to www.pacer.gov and clicking "Quick Links/Court Links", then choosing the U.S. Court of International Trade.

    Given a filer with an upgraded individual PACER account is on the <site>
    When the filer follows <route> to the court's CM/ECF login
    And the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page

    Examples:
      | route                              | site             |
      | the court website's CM/ECF link    | court's website  |
      | PACER's Court Links                | PACER website    |
