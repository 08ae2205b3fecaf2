class Event:
    def __init__(self, name):
        self.name = name
        self._handlers = []
    def subscribe(self, handler):
        self._handlers.append(handler)
        return handler
    def __iadd__(self, handler):
        self.subscribe(handler)
        return self
    def __call__(self, *args, **kwargs):
        return [h(*args, **kwargs) for h in self._handlers]
    def __len__(self):
        return len(self._handlers)

class Button:
    def __init__(self, label):
        self.label = label
        self.clicked = Event("clicked")
        self.clicks = 0
    def click(self):
        self.clicks += 1
        return self.clicked(self, count=self.clicks)

class Logger:
    def __init__(self):
        self.lines = []
    def __call__(self, sender, count):
        self.lines.append(f"{sender.label} clicked {count}x")
        return "logged"

b = Button("OK")
log = Logger()
b.clicked += log
@b.clicked.subscribe
def shout(sender, count):
    return sender.label.upper() * count
b.clicked += lambda sender, count: count * 10
print(b.click())
print(b.click())
print(log.lines, len(b.clicked))

class StateMachine:
    transitions = {
        ("idle", "start"): "running",
        ("running", "pause"): "paused",
        ("paused", "start"): "running",
        ("running", "stop"): "idle",
    }
    def __init__(self):
        self.state = "idle"
    def __getattr__(self, action):
        def fire():
            key = (self.state, action)
            if key not in self.transitions:
                raise RuntimeError(f"cannot {action} while {self.state}")
            self.state = self.transitions[key]
            return self.state
        return fire
sm = StateMachine()
print(sm.start(), sm.pause(), sm.start(), sm.stop())
try:
    sm.pause()
except RuntimeError as e:
    print(e)
