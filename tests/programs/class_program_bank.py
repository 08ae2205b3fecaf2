class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"{type(self).__name__}(#{self.id} {self.owner}: {self._balance})"

    def __lt__(self, other):
        return self._balance < other._balance

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = int(self._balance * self.rate * 100) / 100
        return self.deposit(interest)
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("withdrawal limit reached")
        return super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, initial=0):
        acct = cls(owner, initial)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].deposit(amount)
    def __len__(self):
        return len(self.accounts)
    def __iter__(self):
        accts = list(self.accounts.values())
        accts.sort()
        return iter(accts)
    def __contains__(self, owner):
        for a in self.accounts.values():
            if a.owner == owner:
                return True
        return False

bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(Savings, "bob", 50)
carol = bank.open(Savings, "carol")
bank.transfer(alice.id, bob.id, 30)
bob.add_interest()
for attempt in [10, 10, 10]:
    try:
        bank.transfer(bob.id, carol.id, attempt)
    except PermissionError as e:
        print("denied:", e)
try:
    bank.transfer(carol.id, alice.id, 1000)
except InsufficientFunds as e:
    print("insufficient:", e, e.needed, e.available)
try:
    alice.deposit(-5)
except ValueError as e:
    print("bad deposit:", e)
print(len(bank), "bob" in bank, "dave" in bank)
for acct in bank:
    print(acct, acct.history)
print(max(bank.accounts.values()), alice.balance)
try:
    alice.balance = 5
except AttributeError as e:
    print(e)
