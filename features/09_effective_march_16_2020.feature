@cutover @mock_only
Feature: Linking CM/ECF Accounts and Upgraded PACER Accounts FAQ's - Effective March 16, 2020

  Beginning March 16, 2020, you can link your accounts together.
  The Court upgraded to NextGen CM/ECF on March 16, 2020.

  # The FAQ's title has no answer of its own: the description quotes the two sentences that
  # give the date. Before it the Court ran the legacy CM/ECF, where filers logged in with
  # their CM/ECF login and password; from it everyone logs in through PACER.

  Scenario Outline: Which login CM/ECF asks for depends on the date: <date>
    FAQ: The Court upgraded to NextGen CM/ECF on March 16, 2020.
    FAQ: Beginning March 16, 2020, you can link your accounts together.

    Given the date is <date>
    And a filer with an upgraded individual PACER account is on the court's website
    When the filer goes to the court's CM/ECF
    Then the filer is asked to log in <where>

    Examples:
      | date           | where                                         |
      | March 15, 2020 | with the CM/ECF login and password            |
      | March 16, 2020 | to PACER with the PACER username and password |
      | today          | to PACER with the PACER username and password |

  Scenario: Before March 16, 2020 the filer logs in to the legacy CM/ECF with the CM/ECF login
    FAQ: Beginning March 16, 2020, you can link your accounts together.

    Given the date is March 15, 2020
    And a filer with an upgraded individual PACER account is on the court's website
    When the filer goes to the court's CM/ECF
    And the filer logs in to the legacy CM/ECF with the CM/ECF login and password
    Then the legacy CM/ECF welcomes the filer

  Scenario: Before March 16, 2020 the legacy CM/ECF refuses a wrong password
    FAQ: Beginning March 16, 2020, you can link your accounts together.

    Given the date is March 15, 2020
    And a filer with an upgraded individual PACER account is on the court's website
    When the filer goes to the court's CM/ECF
    And the filer logs in to the legacy CM/ECF with a wrong CM/ECF password
    Then CM/ECF says "Invalid ID or password"

  Scenario: Before March 16, 2020 there is no linking
    FAQ: Beginning March 16, 2020, you can link your accounts together.

    Given the date is March 15, 2020
    And a filer with an upgraded individual PACER account is signed in to the legacy CM/ECF
    When the filer opens the linking page directly
    And the filer tries to link their own CM/ECF account
    Then CM/ECF refuses to link: linking not yet available

  @destructive
  Scenario: On March 16, 2020 the filer can link
    FAQ: Beginning March 16, 2020, you can link your accounts together.

    Given the date is March 16, 2020
    And a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    Then CM/ECF confirms that the CM/ECF account is linked to the PACER account
